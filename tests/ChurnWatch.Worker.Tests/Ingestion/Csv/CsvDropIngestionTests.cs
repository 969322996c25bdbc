using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    private const string TicketsCsv =
        """
        ticket_id,account_id,opened_at,resolved_at,priority,tier,sla_breached,csat
        T1,A1,2025-03-04T10:22:00Z,2025-03-05T08:00:00Z,high,L2,false,4
        T2,A2,2025-03-06T12:00:00+01:00,,urgent,L1,true,
        """;

    // The same events as TestSupport/MinimalSource, so the aggregates match a database ingest's.
    private const string UsageCsv =
        """
        account_id,user_id,feature,occurred_at,quantity
        A1,u1,dashboards,2025-03-03T10:00:00Z,2
        A1,u1,dashboards,2025-03-03T15:00:00Z,1
        A1,u2,dashboards,2025-03-03T11:00:00Z,4
        A1,u3,reports,2025-03-09T23:59:59Z,1
        A1,u1,reports,2025-03-10T00:00:00Z,5
        A2,u9,api,2025-03-04T08:00:00Z,7
        """;

    [Fact]
    public async Task RunAsync_AccountsTicketsAndUsage_StoresExactValues()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts-2025-03.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("tickets", "tickets-2025-03.csv", TicketsCsv);
        drops.Drop("usage_events", "usage-2025-03.csv", UsageCsv);

        var summary = await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);

        Assert.Equal(
            [
                new CsvFileResult("accounts", "accounts-2025-03.csv", 2, 0, false),
                new CsvFileResult("usage_events", "usage-2025-03.csv", 6, 0, false),
                new CsvFileResult("tickets", "tickets-2025-03.csv", 2, 0, false),
            ],
            summary.Files);
        Assert.Equal(
            [
                new Account("A1", "Acme", "ava@vendor.test", "SMB", "EMEA", new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), 10),
                new Account("A2", "Globex, Inc.", "ben@vendor.test", "Enterprise", "NA", new DateTime(2025, 2, 3, 9, 0, 0, DateTimeKind.Utc), 50),
            ],
            history.Accounts);
        Assert.Equal(
            [
                new Ticket("T1", "A1", new DateTime(2025, 3, 4, 10, 22, 0, DateTimeKind.Utc), new DateTime(2025, 3, 5, 8, 0, 0, DateTimeKind.Utc), TicketPriority.High, SupportTier.L2, false, 4),
                new Ticket("T2", "A2", new DateTime(2025, 3, 6, 11, 0, 0, DateTimeKind.Utc), null, TicketPriority.Urgent, SupportTier.L1, true, null),
            ],
            history.Tickets!);
        Assert.Equal(
            [
                new FeatureUsageDay("A1", "dashboards", new DateOnly(2025, 3, 3), 7, 2),
                new FeatureUsageDay("A1", "reports", new DateOnly(2025, 3, 9), 1, 1),
                new FeatureUsageDay("A1", "reports", new DateOnly(2025, 3, 10), 5, 1),
                new FeatureUsageDay("A2", "api", new DateOnly(2025, 3, 4), 7, 1),
            ],
            history.UsageDays);
        Assert.Equal(
            [
                new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 8, 3),
                new UsageWeek("A1", "*", new DateOnly(2025, 3, 10), 5, 1),
                new UsageWeek("A1", "dashboards", new DateOnly(2025, 3, 3), 7, 2),
                new UsageWeek("A1", "reports", new DateOnly(2025, 3, 3), 1, 1),
                new UsageWeek("A1", "reports", new DateOnly(2025, 3, 10), 5, 1),
                new UsageWeek("A2", "*", new DateOnly(2025, 3, 3), 7, 1),
                new UsageWeek("A2", "api", new DateOnly(2025, 3, 3), 7, 1),
            ],
            history.UsageWeeks);
        Assert.Null(history.Invoices);
        // the newest usage day is 2025-03-10, so the data is complete up to the midnight after it
        Assert.Equal(new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc), history.DataAsOf);
    }

    [Fact]
    public async Task RunAsync_Freshness_MatchesSourceIngestion()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("tickets", "tickets.csv", TicketsCsv);
        drops.Drop("usage_events", "usage.csv", UsageCsv);

        await drops.RunAsync();
        var freshness = await drops.Store.FreshnessAsync(CancellationToken.None);

        var now = TestStore.Now.UtcDateTime;
        Assert.Equal(
            [
                new SourceFreshness("accounts", true, 2, new DateTime(2025, 2, 3, 9, 0, 0, DateTimeKind.Utc), now),
                new SourceFreshness("tickets", true, 2, new DateTime(2025, 3, 6, 11, 0, 0, DateTimeKind.Utc), now),
                new SourceFreshness("usage_daily", true, 4, new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc), now),
                // weekly usage shares the daily watermark, as with a database source
                new SourceFreshness("usage_weekly", true, 7, new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc), now),
            ],
            freshness);
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_ChangesNothingAndMovesIt()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("usage_events", "usage.csv", UsageCsv);
        await drops.RunAsync();
        var once = await drops.ChecksumAsync();

        var again = drops.Drop("usage_events", "usage-resent.csv", UsageCsv);
        var summary = await drops.RunAsync();

        Assert.Equal([new CsvFileResult("usage_events", "usage-resent.csv", 0, 0, true)], summary.Files);
        Assert.Equal(once, await drops.ChecksumAsync());
        Assert.False(File.Exists(again));
        Assert.True(File.Exists(drops.Processed("usage_events", "usage-resent.csv")));
        Assert.Equal([6L], await drops.QueryAsync<long>("SELECT COUNT(*) FROM staged_usage_events"));
    }

    [Fact]
    public async Task RunAsync_CrashBetweenCommitAndMove_NextRunOnlyMovesTheFile()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        await drops.RunAsync();
        var committed = await drops.ChecksumAsync();
        // As if the process died after the commit and before the move: the same file is still waiting.
        var waiting = drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);

        var summary = await drops.RunAsync();

        Assert.Equal([new CsvFileResult("accounts", "accounts.csv", 0, 0, true)], summary.Files);
        Assert.Equal(committed, await drops.ChecksumAsync());
        Assert.False(File.Exists(waiting));
        Assert.Equal(["accounts.csv"], Directory.GetFiles(Path.GetDirectoryName(drops.Processed("accounts", "x"))!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_TwoUsageFilesOnTheSameDay_EventsAddUpAndUsersStayDistinct()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("usage_events", "usage-1.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-03T10:00:00Z,2
            A1,u2,dashboards,2025-03-03T11:00:00Z,1
            """);
        await drops.RunAsync();
        drops.Drop("usage_events", "usage-2.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-03T18:00:00Z,3
            A1,u3,reports,2025-03-04T09:00:00Z,1
            """);

        await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);

        Assert.Equal(
            [
                new FeatureUsageDay("A1", "dashboards", new DateOnly(2025, 3, 3), 6, 2),
                new FeatureUsageDay("A1", "reports", new DateOnly(2025, 3, 4), 1, 1),
            ],
            history.UsageDays);
        Assert.Equal(
            [
                new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 7, 3),
                new UsageWeek("A1", "dashboards", new DateOnly(2025, 3, 3), 6, 2),
                new UsageWeek("A1", "reports", new DateOnly(2025, 3, 3), 1, 1),
            ],
            history.UsageWeeks);
    }

    [Fact]
    public async Task RunAsync_SecondDropOfAnEntity_UpsertsAndKeepsOtherRows()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts-1.csv", CsvDropFixture.AccountsCsv);
        await drops.RunAsync();
        drops.Drop("accounts", "accounts-2.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A2,Globex,ben@vendor.test,Enterprise,NA,2025-02-03T09:00:00Z,0
            A3,Initech,ava@vendor.test,MidMarket,NA,2025-04-01T09:00:00Z,25
            """);

        await drops.RunAsync();

        Assert.Equal(
            ["A1|10", "A2|0", "A3|25"],
            await drops.QueryAsync<string>("SELECT account_id || '|' || seats_licensed FROM accounts ORDER BY account_id"));
        Assert.Equal([3L], await drops.QueryAsync<long>("SELECT row_count FROM source_freshness WHERE entity = 'accounts'"));
    }

    [Fact]
    public async Task RunAsync_NoFolderConfigured_DoesNothing()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Options.Folder = string.Empty;

        var summary = await drops.RunAsync();

        Assert.Empty(summary.Files);
        Assert.Equal([0L], await drops.QueryAsync<long>("SELECT COUNT(*) FROM accounts"));
    }

    [Fact]
    public async Task RunAsync_FolderGone_ThrowsNamingTheKeyAndThePath()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Options.Folder = Path.Combine(drops.DropFolder, "unmounted");

        var error = await Assert.ThrowsAsync<SettingsException>(() => drops.RunAsync());

        Assert.Equal($"CsvDrops:Folder '{drops.Options.Folder}' does not exist; create it, or leave CsvDrops:Folder empty to read no CSV drops.", error.Message);
    }
}
