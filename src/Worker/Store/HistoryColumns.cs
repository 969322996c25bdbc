using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Store;

/// <summary>How each ingested record maps onto its store table's columns.</summary>
internal static class HistoryColumns
{
    /// <summary>The key of each ingested store table: an incremental read replaces the stored row with the same key.</summary>
    public static IReadOnlyList<string> KeyOf(string storeTable) => storeTable switch
    {
        "accounts" => ["account_id"],
        "subscriptions" => ["subscription_id"],
        "usage_daily" => ["account_id", "feature", "day"],
        "usage_weekly" => ["account_id", "feature", "week_start"],
        "tickets" => ["ticket_id"],
        "invoices" => ["invoice_id"],
        "payment_attempts" => ["invoice_id", "attempted_at"],
        _ => throw new ArgumentOutOfRangeException(nameof(storeTable), storeTable, "Not an ingested table."),
    };

    public static readonly StoreColumn<Account>[] Accounts =
    [
        new("account_id", a => a.AccountId), new("name", a => a.Name), new("owner_email", a => a.OwnerEmail),
        new("segment", a => a.Segment), new("region", a => a.Region), new("created_at", a => StoreText.Instant(a.CreatedAt)),
        new("seats_licensed", a => a.SeatsLicensed),
    ];

    public static readonly StoreColumn<Subscription>[] Subscriptions =
    [
        new("subscription_id", s => s.SubscriptionId), new("account_id", s => s.AccountId), new("plan", s => s.Plan),
        new("mrr", s => (double)s.Mrr), new("currency", s => s.Currency), new("billing_period_months", s => s.BillingPeriodMonths),
        new("started_at", s => StoreText.Instant(s.StartedAt)), new("ended_at", s => StoreText.Instant(s.EndedAt)),
        new("renewal_date", s => StoreText.Date(s.RenewalDate)), new("auto_renew", s => s.AutoRenew ? 1 : 0), new("seats", s => s.Seats),
    ];

    public static readonly StoreColumn<FeatureUsageDay>[] UsageDaily =
    [
        new("account_id", u => u.AccountId), new("feature", u => u.Feature), new("day", u => StoreText.Date(u.Day)),
        new("events", u => u.Events), new("active_users", u => u.ActiveUsers),
    ];

    public static readonly StoreColumn<UsageWeek>[] UsageWeekly =
    [
        new("account_id", u => u.AccountId), new("feature", u => u.Feature), new("week_start", u => StoreText.Date(u.WeekStart)),
        new("events", u => u.Events), new("active_users", u => u.ActiveUsers),
    ];

    public static readonly StoreColumn<Ticket>[] Tickets =
    [
        new("ticket_id", t => t.TicketId), new("account_id", t => t.AccountId), new("opened_at", t => StoreText.Instant(t.OpenedAt)),
        new("resolved_at", t => StoreText.Instant(t.ResolvedAt)), new("priority", t => t.Priority.ToString().ToLowerInvariant()),
        new("tier", t => t.Tier.ToString()), new("sla_breached", t => t.SlaBreached ? 1 : 0), new("csat", t => t.Csat),
    ];

    public static readonly StoreColumn<Invoice>[] Invoices =
    [
        new("invoice_id", i => i.InvoiceId), new("account_id", i => i.AccountId), new("issued_at", i => StoreText.Instant(i.IssuedAt)),
        new("due_at", i => StoreText.Instant(i.DueAt)), new("paid_at", i => StoreText.Instant(i.PaidAt)), new("amount", i => (double)i.Amount),
        new("currency", i => i.Currency), new("status", i => i.Status),
    ];

    public static readonly StoreColumn<PaymentAttempt>[] PaymentAttempts =
    [
        new("account_id", p => p.AccountId), new("invoice_id", p => p.InvoiceId), new("attempted_at", p => StoreText.Instant(p.AttemptedAt)),
        new("succeeded", p => p.Succeeded ? 1 : 0), new("failure_reason", p => p.FailureReason),
    ];
}
