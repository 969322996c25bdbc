using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// A simulated B2B SaaS customer history in the shape of the source contract. Usage events are a lazy stream:
/// every enumeration regenerates them account by account from the seed, so millions of rows never sit in memory.
/// </summary>
/// <param name="Options">The options the company was generated from.</param>
/// <param name="Accounts">Accounts, in account id order.</param>
/// <param name="Subscriptions">Subscriptions, by account then start.</param>
/// <param name="Tickets">Support tickets, by account then opening time.</param>
/// <param name="Invoices">Invoices, by account then issue time.</param>
/// <param name="PaymentAttempts">Payment attempts, by account then attempt time.</param>
/// <param name="UsageEvents">
/// One row per user x feature x active day (quantity = events that day), account by account; deterministic and
/// enumerable any number of times.
/// </param>
public sealed record SampleCompany(
    SampleCompanyOptions Options,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Ticket> Tickets,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<PaymentAttempt> PaymentAttempts,
    IEnumerable<UsageEvent> UsageEvents)
{
    /// <summary>
    /// Whether the source has tickets, invoices and payment attempts at all: not for a self-serve company, whose
    /// source then has no such tables (not provided, rather than provided and empty).
    /// </summary>
    public bool ProvidesSupportAndBilling => Options.Profile != SampleProfile.SelfServe;
}
