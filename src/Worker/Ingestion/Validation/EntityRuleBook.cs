using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Ingestion.Validation;

/// <summary>The validation rules of each entity of the source contract.</summary>
internal static class EntityRuleBook
{
    public static readonly EntityRules<Account> Accounts = new("accounts", a => a.AccountId, null, a => [a.CreatedAt]);

    public static readonly EntityRules<Subscription> Subscriptions = new(
        "subscriptions", s => s.SubscriptionId, s => s.AccountId, s => s.EndedAt is { } end ? [s.StartedAt, end] : [s.StartedAt]);

    public static readonly EntityRules<FeatureUsageDay> UsageDays = new(
        "usage_events", u => $"{u.AccountId}/{u.Feature}/{u.Day:yyyy-MM-dd}", u => u.AccountId, u => [u.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)]);

    public static readonly EntityRules<UsageWeek> UsageWeeks = new(
        "usage_events", u => $"{u.AccountId}/{u.Feature}/{u.WeekStart:yyyy-MM-dd}", u => u.AccountId, u => [u.WeekStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)]);

    /// <summary>Raw events of a CSV drop: no key (each line is one event), so no duplicate check.</summary>
    public static readonly EntityRules<StagedUsageEvent> UsageEvents = new("usage_events", null, u => u.AccountId, u => [u.OccurredAt]);

    public static readonly EntityRules<Ticket> Tickets = new(
        "tickets", t => t.TicketId, t => t.AccountId, t => t.ResolvedAt is { } resolved ? [t.OpenedAt, resolved] : [t.OpenedAt]);

    // due_at is a term set when the invoice is issued and may lie ahead; issued and paid are events.
    public static readonly EntityRules<Invoice> Invoices = new(
        "invoices", i => i.InvoiceId, i => i.AccountId, i => i.PaidAt is { } paid ? [i.IssuedAt, paid] : [i.IssuedAt]);

    public static readonly EntityRules<PaymentAttempt> PaymentAttempts = new(
        "payment_attempts", p => $"{p.InvoiceId}@{p.AttemptedAt:O}", p => p.AccountId, p => [p.AttemptedAt]);
}
