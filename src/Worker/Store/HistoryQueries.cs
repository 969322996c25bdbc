namespace ChurnWatch.Worker.Store;

/// <summary>
/// SELECTs that load the ingested tables back from the store. The store keeps the source contract's column names,
/// so the aliases match the ingestion row types and one mapping serves both.
/// </summary>
internal static class HistoryQueries
{
    public const string Accounts =
        "SELECT account_id AS AccountId, name AS Name, owner_email AS OwnerEmail, segment AS Segment, region AS Region, created_at AS CreatedAt, seats_licensed AS SeatsLicensed FROM accounts ORDER BY account_id";

    public const string Subscriptions =
        "SELECT subscription_id AS SubscriptionId, account_id AS AccountId, plan AS Plan, mrr AS Mrr, currency AS Currency, billing_period_months AS BillingPeriodMonths, " +
        "started_at AS StartedAt, ended_at AS EndedAt, renewal_date AS RenewalDate, auto_renew AS AutoRenew, seats AS Seats FROM subscriptions ORDER BY subscription_id";

    public const string Tickets =
        "SELECT ticket_id AS TicketId, account_id AS AccountId, opened_at AS OpenedAt, resolved_at AS ResolvedAt, priority AS Priority, tier AS Tier, sla_breached AS SlaBreached, csat AS Csat FROM tickets ORDER BY ticket_id";

    public const string Invoices =
        "SELECT invoice_id AS InvoiceId, account_id AS AccountId, issued_at AS IssuedAt, due_at AS DueAt, paid_at AS PaidAt, amount AS Amount, currency AS Currency, status AS Status FROM invoices ORDER BY invoice_id";

    public const string PaymentAttempts =
        "SELECT account_id AS AccountId, invoice_id AS InvoiceId, attempted_at AS AttemptedAt, succeeded AS Succeeded, failure_reason AS FailureReason FROM payment_attempts ORDER BY invoice_id, attempted_at";
}
