using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteDashboardReadsTests : DashboardReadsTests<SqliteTestProvider>;

public sealed class PostgreSqlDashboardReadsTests : DashboardReadsTests<PostgreSqlTestProvider>;

/// <summary>The dashboard's own store reads (accounts list, one account's history, the newest model) on each store provider.</summary>
public abstract class DashboardReadsTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [StoreFact]
    public async Task AccountsAsync_TwoAccounts_NewestScoreArrOfRunningContractsAndNextRenewal()
    {
        await SeedAsync();
        var queries = new DashboardReads(Database, new SignalStore(Database));

        var accounts = (await queries.AccountsAsync(TestStore.Now.UtcDateTime, CancellationToken.None)).OrderBy(a => a.AccountId, StringComparer.Ordinal).ToList();

        Assert.Equal(["A", "B"], accounts.Select(a => a.AccountId));
        var a = accounts[0];
        // A's ended subscription counts for nothing; its running one is 12 x 250.
        Assert.Equal(("Acme", "ann@example.com", "Mid-market", 3_000.0), (a.Name, a.Owner, a.Segment, a.Arr));
        Assert.Equal((0.3, "Medium"), (a.Churn, a.Band)); // the newest of its two scorings
        Assert.Equal(new DateOnly(2026, 9, 1), a.Renewal);
        Assert.Equal((null, null, null), (accounts[1].Churn, accounts[1].Band, accounts[1].Renewal)); // never scored, month to month
    }

    [StoreFact]
    public async Task AccountHistoryReads_OneAccount_RiskUsageDriversTicketsAndInvoicesInOrder()
    {
        await SeedAsync();
        var queries = new DashboardReads(Database, new SignalStore(Database));

        var risk = await queries.RiskHistoryAsync("A", CancellationToken.None);
        var words = await queries.WordsAsync("A", CancellationToken.None);
        var users = await queries.WeeklyUsersAsync("A", CancellationToken.None);
        var tickets = await queries.TicketsAsync("A", CancellationToken.None);
        var invoices = await queries.InvoicesAsync("A", CancellationToken.None);

        Assert.Equal([(Monday.AddDays(-7), 0.1), (Monday, 0.3)], risk);
        Assert.Equal(["Active users fell from 24 to 7 over the last 8 weeks"], words.Reasons.Select(d => d.Sentence));
        Assert.Equal("Annual contract, Business plan", words.Context);
        Assert.Equal(["2 urgent tickets open (a week earlier: 0 urgent tickets open)"], words.Changes.Select(d => d.Sentence));
        Assert.Equal([(new DateOnly(2026, 2, 16), 24), (new DateOnly(2026, 2, 23), 7)], users);
        Assert.Equal([("T2", "2026-02-20T09:00:00Z", (string?)null, "urgent", true, (long?)null), ("T1", "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z", "normal", false, 5L)], tickets);
        Assert.Equal([("I1", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", (string?)null, 750.5, "EUR", "open")], invoices);
        Assert.Empty(await queries.RiskHistoryAsync("B", CancellationToken.None));
        Assert.Equal(ScoreWords.None, await queries.WordsAsync("B", CancellationToken.None));
    }

    [StoreFact]
    public async Task ChurnModelAsync_TwoTrainings_TheNewest()
    {
        var queries = new DashboardReads(Database, new SignalStore(Database));
        Assert.Null(await queries.ChurnModelAsync(CancellationToken.None));
        var models = new ModelStore(Database);
        var day = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await models.SaveAsync("old", "Churn", "logistic regression", day, day, "{}", "{}", CancellationToken.None);
        await models.SaveAsync("new", "Churn", "gradient-boosted trees", day.AddDays(7), day, "{}", "{}", CancellationToken.None);
        await models.SaveAsync("renewal", "NonRenewal", "logistic regression", day.AddDays(14), day, "{}", "{}", CancellationToken.None);

        var model = await queries.ChurnModelAsync(CancellationToken.None);

        Assert.Equal(("gradient-boosted trees", StoreText.Instant(day.AddDays(7))), (model!.Value.Learner, model.Value.TrainedAt));
    }

    private async Task SeedAsync()
    {
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO accounts (account_id, name, owner_email, segment, region, created_at, seats_licensed) VALUES (@Id, @Name, @Owner, 'Mid-market', 'EU', '2025-01-01T00:00:00Z', 10)",
                new[] { new { Id = "A", Name = "Acme", Owner = "ann@example.com" }, new { Id = "B", Name = "Bolt", Owner = "bob@example.com" } });
            await connection.ExecuteAsync(
                "INSERT INTO subscriptions (subscription_id, account_id, plan, mrr, currency, billing_period_months, started_at, ended_at, renewal_date, auto_renew, seats) " +
                "VALUES (@Id, @Account, 'Pro', @Mrr, 'EUR', 12, @Started, @Ended, @Renewal, 1, 10)",
                new object[]
                {
                    new { Id = "S0", Account = "A", Mrr = 100.0, Started = "2024-09-01T00:00:00Z", Ended = (string?)"2025-09-01T00:00:00Z", Renewal = (string?)"2025-09-01" },
                    new { Id = "S1", Account = "A", Mrr = 250.0, Started = "2025-09-01T00:00:00Z", Ended = (string?)null, Renewal = (string?)"2026-09-01" },
                    new { Id = "S2", Account = "B", Mrr = 80.0, Started = "2025-10-01T00:00:00Z", Ended = (string?)null, Renewal = (string?)null },
                });
            await connection.ExecuteAsync(
                "INSERT INTO usage_weekly (account_id, feature, week_start, events, active_users) VALUES ('A', @Feature, @Week, 100, @Users)",
                new[] { new { Feature = "*", Week = "2026-02-23", Users = 7L }, new { Feature = "*", Week = "2026-02-16", Users = 24L }, new { Feature = "reports", Week = "2026-02-16", Users = 3L } });
            await connection.ExecuteAsync(
                "INSERT INTO tickets (ticket_id, account_id, opened_at, resolved_at, priority, tier, sla_breached, csat) VALUES (@Id, 'A', @Opened, @Resolved, @Priority, 'L1', @Breached, @Csat)",
                new object[]
                {
                    new { Id = "T1", Opened = "2026-01-05T09:00:00Z", Resolved = (string?)"2026-01-06T09:00:00Z", Priority = "normal", Breached = 0L, Csat = (long?)5 },
                    new { Id = "T2", Opened = "2026-02-20T09:00:00Z", Resolved = (string?)null, Priority = "urgent", Breached = 1L, Csat = (long?)null },
                });
            await connection.ExecuteAsync(
                "INSERT INTO invoices (invoice_id, account_id, issued_at, due_at, paid_at, amount, currency, status) VALUES ('I1', 'A', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', NULL, 750.5, 'EUR', 'open')");
        }

        var scores = new ScoreStore(Database);
        var none = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        await scores.ReplaceAsync(Monday.AddDays(-7), "m", [new AccountScore("A", Monday.AddDays(-7), 0.1, 0.9, RiskBand.Low, [])], none, CancellationToken.None);
        await scores.ReplaceAsync(Monday, "m",
            [new AccountScore("A", Monday, 0.3, 0.8, RiskBand.Medium, [new ScoreReason("active_users_change", 0.8, "Active users fell from 24 to 7 over the last 8 weeks")], "Annual contract, Business plan")
            {
                Changes = [new ScoreReason("urgent_open", 0.4, "2 urgent tickets open (a week earlier: 0 urgent tickets open)", ReasonTopic.Support)],
            }], none, CancellationToken.None);
    }
}
