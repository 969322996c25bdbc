namespace ChurnWatch.Analytics.History;

/// <summary>An invoice (source contract: <c>invoices</c>; optional entity).</summary>
/// <param name="Status">The source's status today (open, paid, void). Current state: models use the dates instead.</param>
public sealed record Invoice(
    string InvoiceId,
    string AccountId,
    DateTime IssuedAt,
    DateTime DueAt,
    DateTime? PaidAt,
    decimal Amount,
    string Currency,
    string Status)
{
    /// <summary>True when the invoice was due and unpaid at <paramref name="instant"/>.</summary>
    public bool IsPastDueAt(DateTime instant) => DueAt < instant && (PaidAt is null || PaidAt >= instant);
}
