using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>payment_attempts</c> row as Dapper reads it.</summary>
internal sealed class PaymentAttemptRow : ISourceRow
{
    public string Key => $"{InvoiceId}@{AttemptedAt}";

    public string? AccountId { get; set; }
    public string? InvoiceId { get; set; }
    public object? AttemptedAt { get; set; }
    public object? Succeeded { get; set; }
    public string? FailureReason { get; set; }

    public PaymentAttempt ToRecord()
    {
        var row = new SourceRowReader("payment_attempts", this);
        return new PaymentAttempt(
            row.Text(AccountId, "account_id"),
            row.Text(InvoiceId, "invoice_id"),
            row.Instant(AttemptedAt, "attempted_at"),
            row.Flag(Succeeded, "succeeded"),
            string.IsNullOrWhiteSpace(FailureReason) ? null : FailureReason);
    }
}
