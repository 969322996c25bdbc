using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>An invoice while the simulation can still pay or void it; frozen into an <see cref="Invoice"/> as of the end.</summary>
internal sealed class InvoiceDraft(string invoiceId, string accountId, DateTime issuedAt, DateTime dueAt, decimal amount)
{
    public string InvoiceId { get; } = invoiceId;

    public string AccountId { get; } = accountId;

    public DateTime IssuedAt { get; } = issuedAt;

    public DateTime DueAt { get; } = dueAt;

    public decimal Amount { get; } = amount;

    /// <summary>When it is (or will be) paid; may lie after the end, which the freeze turns into "not yet".</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>Written off when the account churned with it unpaid.</summary>
    public bool Voided { get; set; }

    /// <summary>True when the invoice is unpaid at <paramref name="instant"/>.</summary>
    public bool IsUnpaidAt(DateTime instant) => !Voided && (PaidAt is null || PaidAt >= instant);

    /// <summary>The invoice as the source shows it at <paramref name="end"/>.</summary>
    public Invoice Freeze(DateTime end, string currency)
    {
        var paid = PaidAt is { } p && p < end ? p : (DateTime?)null;
        var status = paid is not null ? "paid" : Voided ? "void" : "open";
        return new Invoice(InvoiceId, AccountId, IssuedAt, DueAt, paid, Amount, currency, status);
    }
}
