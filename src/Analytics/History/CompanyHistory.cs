namespace ChurnWatch.Analytics.History;

/// <summary>
/// Everything ChurnWatch knows about a company's customers, as loaded from the store.
/// Optional entities the company does not provide are <c>null</c> (not empty): their predictors are absent.
/// </summary>
/// <param name="Accounts">Required.</param>
/// <param name="Subscriptions">Required.</param>
/// <param name="UsageDays">Required: account x feature x day usage.</param>
/// <param name="UsageWeeks">Required: weekly distinct users, per feature and for <see cref="UsageWeek.AllFeatures"/>.</param>
/// <param name="Tickets">Optional.</param>
/// <param name="Invoices">Optional.</param>
/// <param name="PaymentAttempts">Optional.</param>
/// <param name="DataAsOf">The newest instant the data covers; nothing after it is known.</param>
public sealed record CompanyHistory(
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<FeatureUsageDay> UsageDays,
    IReadOnlyList<UsageWeek> UsageWeeks,
    IReadOnlyList<Ticket>? Tickets,
    IReadOnlyList<Invoice>? Invoices,
    IReadOnlyList<PaymentAttempt>? PaymentAttempts,
    DateTime DataAsOf);
