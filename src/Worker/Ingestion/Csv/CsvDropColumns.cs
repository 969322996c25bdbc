namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// The entities a drop folder holds, in the order they are imported (accounts first, so that the others' account
/// references can be checked), and their contract columns in contract order (the field order of a file without a header).
/// </summary>
internal static class CsvDropColumns
{
    public const string Accounts = "accounts";
    public const string Subscriptions = "subscriptions";
    public const string UsageEvents = "usage_events";
    public const string Tickets = "tickets";
    public const string Invoices = "invoices";
    public const string PaymentAttempts = "payment_attempts";

    /// <summary>The entity folders, in import order: invoices before the payment attempts that collect them.</summary>
    public static IReadOnlyList<string> Entities { get; } = [Accounts, Subscriptions, UsageEvents, Tickets, Invoices, PaymentAttempts];

    /// <summary>The contract columns of <paramref name="entity"/>, or null when it is not an entity.</summary>
    public static IReadOnlyList<CsvContractColumn>? Of(string entity) => entity.ToLowerInvariant() switch
    {
        Accounts => Columns("account_id", "name", "owner_email?", "segment", "region", "created_at", "seats_licensed"),
        Subscriptions => Columns("subscription_id", "account_id", "plan", "mrr", "currency", "billing_period_months", "started_at", "ended_at?", "renewal_date?", "auto_renew", "seats?"),
        UsageEvents => Columns("account_id", "user_id", "feature", "occurred_at", "quantity"),
        Tickets => Columns("ticket_id", "account_id", "opened_at", "resolved_at?", "priority", "tier", "sla_breached", "csat?"),
        Invoices => Columns("invoice_id", "account_id", "issued_at", "due_at", "paid_at?", "amount", "currency", "status"),
        PaymentAttempts => Columns("account_id", "invoice_id", "attempted_at", "succeeded", "failure_reason?"),
        _ => null,
    };

    // "name?" marks a nullable column, which a file may leave out.
    private static CsvContractColumn[] Columns(params string[] names) =>
        names.Select(n => n.EndsWith('?') ? new CsvContractColumn(n[..^1], false) : new CsvContractColumn(n, true)).ToArray();
}
