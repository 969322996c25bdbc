using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>accounts</c> row as Dapper reads it; <see cref="ToRecord"/> checks and types it.</summary>
internal sealed class AccountRow : ISourceRow
{
    public string Key => AccountId ?? string.Empty;

    public string? AccountId { get; set; }
    public string? Name { get; set; }
    public string? OwnerEmail { get; set; }
    public string? Segment { get; set; }
    public string? Region { get; set; }
    public object? CreatedAt { get; set; }
    public object? SeatsLicensed { get; set; }

    public Account ToRecord()
    {
        var row = new SourceRowReader("accounts", AccountId);
        return new Account(
            row.Text(AccountId, "account_id"),
            row.Text(Name, "name"),
            // Optional: an account nobody owns goes to Output:UnassignedOwner's report (AccountBook).
            OwnerEmail?.Trim() ?? string.Empty,
            row.Text(Segment, "segment"),
            Region ?? string.Empty,
            row.Instant(CreatedAt, "created_at"),
            row.NonNegative(SeatsLicensed, "seats_licensed"));
    }
}
