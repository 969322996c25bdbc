using Dapper;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A hand-written source in the contract with only the required entities (accounts, subscriptions, usage_events),
/// small enough that every aggregate can be checked by eye.
/// </summary>
internal static class MinimalSource
{
    public static async Task<string> CreateAsync(string path, Func<SqliteConnection, Task>? extra = null)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            CREATE TABLE accounts (account_id TEXT, name TEXT, owner_email TEXT, segment TEXT, region TEXT, created_at TEXT, seats_licensed INTEGER);
            CREATE TABLE subscriptions (subscription_id TEXT, account_id TEXT, plan TEXT, mrr REAL, currency TEXT, billing_period_months INTEGER,
                started_at TEXT, ended_at TEXT, renewal_date TEXT, auto_renew INTEGER, seats INTEGER);
            CREATE TABLE usage_events (account_id TEXT, user_id TEXT, feature TEXT, occurred_at TEXT, quantity INTEGER);
            INSERT INTO accounts VALUES ('A1', 'Acme', 'ava@vendor.test', 'SMB', 'EMEA', '2025-01-06T09:00:00Z', 10);
            INSERT INTO accounts VALUES ('A2', 'Globex', 'ben@vendor.test', 'Enterprise', 'NA', '2025-02-03T09:00:00Z', 50);
            INSERT INTO subscriptions VALUES ('S1', 'A1', 'Team', 450, 'USD', 12, '2025-01-06T09:00:00Z', NULL, '2026-01-06', 1, 10);
            INSERT INTO subscriptions VALUES ('S2', 'A2', 'Business', 4000, 'USD', 1, '2025-02-03T09:00:00Z', '2025-06-01T00:00:00Z', NULL, 0, 50);
            -- Monday 2025-03-03: two users of dashboards, one of them twice; Sunday 2025-03-09 is the same week
            INSERT INTO usage_events VALUES ('A1', 'u1', 'dashboards', '2025-03-03T10:00:00Z', 2);
            INSERT INTO usage_events VALUES ('A1', 'u1', 'dashboards', '2025-03-03T15:00:00Z', 1);
            INSERT INTO usage_events VALUES ('A1', 'u2', 'dashboards', '2025-03-03T11:00:00Z', 4);
            INSERT INTO usage_events VALUES ('A1', 'u3', 'reports',    '2025-03-09T23:59:59Z', 1);
            -- Monday 2025-03-10 starts the next week
            INSERT INTO usage_events VALUES ('A1', 'u1', 'reports',    '2025-03-10T00:00:00Z', 5);
            INSERT INTO usage_events VALUES ('A2', 'u9', 'api',        '2025-03-04T08:00:00Z', 7);
            """);
        if (extra is not null)
        {
            await extra(connection);
        }

        return $"Data Source={path}";
    }
}
