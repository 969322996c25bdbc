namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// The default SELECT per entity against the source contract, SQLite dialect. Column aliases match the
/// properties of the row types Dapper maps into. Usage is aggregated by the database: raw events never reach memory.
/// </summary>
internal static class SqliteSourceQueries
{
    // The week starts on Monday: step back six days, then forward to the next Monday (itself when it is one).
    private const string WeekStart = "date(substr(occurred_at, 1, 10), '-6 days', 'weekday 1')";

    public static string For(SourceEntity entity) => entity switch
    {
        SourceEntity.Accounts =>
            "SELECT account_id AS AccountId, name AS Name, owner_email AS OwnerEmail, segment AS Segment, region AS Region, created_at AS CreatedAt, seats_licensed AS SeatsLicensed FROM accounts ORDER BY account_id",
        SourceEntity.Subscriptions =>
            "SELECT subscription_id AS SubscriptionId, account_id AS AccountId, plan AS Plan, mrr AS Mrr, currency AS Currency, billing_period_months AS BillingPeriodMonths, started_at AS StartedAt, ended_at AS EndedAt, renewal_date AS RenewalDate, auto_renew AS AutoRenew, seats AS Seats FROM subscriptions ORDER BY subscription_id",
        SourceEntity.UsageDaily =>
            "SELECT account_id AS AccountId, feature AS Feature, substr(occurred_at, 1, 10) AS Day, SUM(quantity) AS Events, COUNT(DISTINCT user_id) AS ActiveUsers FROM usage_events GROUP BY account_id, feature, substr(occurred_at, 1, 10) ORDER BY account_id, feature, Day",
        SourceEntity.UsageWeekly =>
            $"SELECT account_id AS AccountId, feature AS Feature, {WeekStart} AS WeekStart, SUM(quantity) AS Events, COUNT(DISTINCT user_id) AS ActiveUsers FROM usage_events GROUP BY account_id, feature, {WeekStart} " +
            $"UNION ALL SELECT account_id, '*', {WeekStart}, SUM(quantity), COUNT(DISTINCT user_id) FROM usage_events GROUP BY account_id, {WeekStart}",
        SourceEntity.Tickets =>
            "SELECT ticket_id AS TicketId, account_id AS AccountId, opened_at AS OpenedAt, resolved_at AS ResolvedAt, priority AS Priority, tier AS Tier, sla_breached AS SlaBreached, csat AS Csat FROM tickets ORDER BY ticket_id",
        SourceEntity.Invoices =>
            "SELECT invoice_id AS InvoiceId, account_id AS AccountId, issued_at AS IssuedAt, due_at AS DueAt, paid_at AS PaidAt, amount AS Amount, currency AS Currency, status AS Status FROM invoices ORDER BY invoice_id",
        SourceEntity.PaymentAttempts =>
            "SELECT account_id AS AccountId, invoice_id AS InvoiceId, attempted_at AS AttemptedAt, succeeded AS Succeeded, failure_reason AS FailureReason FROM payment_attempts ORDER BY invoice_id, attempted_at",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
    };

    public const string TableExists = "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = @name";
}
