using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>invoices</c> row as Dapper reads it.</summary>
internal sealed class InvoiceRow : ISourceRow
{
    public string Key => InvoiceId ?? string.Empty;

    public string? InvoiceId { get; set; }
    public string? AccountId { get; set; }
    public object? IssuedAt { get; set; }
    public object? DueAt { get; set; }
    public object? PaidAt { get; set; }
    public object? Amount { get; set; }
    public string? Currency { get; set; }
    public string? Status { get; set; }

    public Invoice ToRecord()
    {
        var row = new SourceRowReader("invoices", InvoiceId);
        var issued = row.Instant(IssuedAt, "issued_at");
        return new Invoice(
            row.Text(InvoiceId, "invoice_id"),
            row.Text(AccountId, "account_id"),
            issued,
            row.NotBefore(row.Instant(DueAt, "due_at"), "due_at", issued, "issued_at"),
            row.NotBefore(row.InstantOrNull(PaidAt, "paid_at"), "paid_at", issued, "issued_at"),
            row.Money(Amount, "amount"),
            row.Text(Currency, "currency"),
            row.Text(Status, "status"));
    }
}
