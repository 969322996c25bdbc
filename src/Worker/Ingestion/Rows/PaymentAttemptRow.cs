using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>payment_attempts</c> row as Dapper reads it.</summary>
internal sealed class PaymentAttemptRow : ISourceRow
{
    public string Key => $"{InvoiceId}@{AttemptedAt}";

    public string? AccountId { get; set; }
    public string? InvoiceId { get; set; }
    public object? AttemptedAt { get; set; }
    public bool Succeeded { get; set; }
    public string? FailureReason { get; set; }

    public PaymentAttempt ToRecord()
    {
        var row = new SourceRowReader("payment_attempts", this);
        return new PaymentAttempt(
            row.Text(AccountId, "account_id"),
            row.Text(InvoiceId, "invoice_id"),
            row.Instant(AttemptedAt, "attempted_at"),
            Succeeded,
            string.IsNullOrWhiteSpace(FailureReason) ? null : FailureReason);
    }
}
