namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A hand-written company in the source contract with only the required entities, small enough that every aggregate
/// can be checked by eye. The SQL is the same for every provider; <see cref="TestSource"/> fills in the types.
/// </summary>
internal static class ContractSource
{
    public const string RequiredTables =
        """
        CREATE TABLE accounts (account_id TEXT, name TEXT, owner_email TEXT, segment TEXT, region TEXT, created_at {TS}, seats_licensed INTEGER);
        CREATE TABLE subscriptions (subscription_id TEXT, account_id TEXT, plan TEXT, mrr {MONEY}, currency TEXT, billing_period_months INTEGER,
            started_at {TS}, ended_at {TS}, renewal_date {DATE}, auto_renew {BOOL}, seats INTEGER);
        CREATE TABLE usage_events (account_id TEXT, user_id TEXT, feature TEXT, occurred_at {TS}, quantity INTEGER);
        """;

    public const string RequiredRows =
        """
        INSERT INTO accounts VALUES ('A1', 'Acme', 'ava@vendor.test', 'SMB', 'EMEA', '2025-01-06T09:00:00Z', 10);
        INSERT INTO accounts VALUES ('A2', 'Globex', 'ben@vendor.test', 'Enterprise', 'NA', '2025-02-03T09:00:00Z', 50);
        INSERT INTO subscriptions VALUES ('S1', 'A1', 'Team', 450, 'USD', 12, '2025-01-06T09:00:00Z', NULL, '2026-01-06', TRUE, 10);
        INSERT INTO subscriptions VALUES ('S2', 'A2', 'Business', 4000, 'USD', 1, '2025-02-03T09:00:00Z', '2025-06-01T00:00:00Z', NULL, FALSE, 50);
        INSERT INTO usage_events VALUES ('A1', 'u1', 'dashboards', '2025-03-03T10:00:00Z', 2);
        INSERT INTO usage_events VALUES ('A1', 'u1', 'dashboards', '2025-03-03T15:00:00Z', 1);
        INSERT INTO usage_events VALUES ('A1', 'u2', 'dashboards', '2025-03-03T11:00:00Z', 4);
        INSERT INTO usage_events VALUES ('A1', 'u3', 'reports',    '2025-03-09T23:59:59Z', 1);
        INSERT INTO usage_events VALUES ('A1', 'u1', 'reports',    '2025-03-10T00:00:00Z', 5);
        INSERT INTO usage_events VALUES ('A2', 'u9', 'api',        '2025-03-04T08:00:00Z', 7);
        """;

    public const string TicketTable =
        "CREATE TABLE tickets (ticket_id TEXT, account_id TEXT, opened_at {TS}, resolved_at {TS}, priority TEXT, tier TEXT, sla_breached {BOOL}, csat INTEGER);";

    /// <summary>Creates the required tables with their rows.</summary>
    public static async Task<T> WithRequiredAsync<T>(this T source)
        where T : TestSource
    {
        await source.ExecuteAsync(RequiredTables + RequiredRows);
        return source;
    }
}
