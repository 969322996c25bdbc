using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    // Pruning counts from the newest staged event, 2026-02-24 (the clock, 2026-03-02, does not matter): 180 days
    // before is Thursday 2025-08-28, so weeks before Monday 2025-08-25 are pruned.
    private const string PrunedBefore = "2025-08-25";

    private static async Task<CsvDropFixture> BackfillAsync()
    {
        var drops = await CsvDropFixture.CreateAsync();
        drops.Options.StagedUsageDays = 180;
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        // A backfill in two files dropped together: the old week has users in both.
        drops.Drop("usage_events", "usage-2025-03.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-03T10:00:00Z,2
            """);
        drops.Drop("usage_events", "usage-2025-03b.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-04T10:00:00Z,1
            A1,u3,reports,2025-03-05T10:00:00Z,1
            A1,u1,dashboards,2026-02-24T10:00:00Z,1
            """);
        await drops.RunAsync();
        return drops;
    }

    [Fact]
    public async Task RunAsync_BackfillOfOneRun_RecountsEveryFileThenPrunesWeeksOlderThanTheSetting()
    {
        using var drops = await BackfillAsync();

        var history = await drops.Store.LoadAsync(CancellationToken.None);

        // Both files counted before the prune: u1 once, u3 once.
        Assert.Contains(new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 4, 2), history.UsageWeeks);
        Assert.Equal(["2026-02-23"], await drops.QueryAsync<string>("SELECT week_start FROM staged_usage_events"));
        Assert.Equal([PrunedBefore], await drops.QueryAsync<string>("SELECT week_start FROM staged_usage_pruned"));
    }

    [Fact]
    public async Task RunAsync_LaterEventInAPrunedWeek_IsQuarantinedAndTheWeekKeepsItsCount()
    {
        using var drops = await BackfillAsync();
        drops.Drop("usage_events", "usage-late.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u9,dashboards,2025-03-06T10:00:00Z,5
            A1,u9,dashboards,2026-02-25T10:00:00Z,1
            """);

        var summary = await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);

        Assert.Equal([new CsvFileResult("usage_events", "usage-late.csv", 1, 1, false)], summary.Files);
        var reason = Assert.Single(await drops.QueryAsync<string>("SELECT reason FROM quarantine"));
        Assert.StartsWith($"2025-03-06T10:00:00Z is before {PrunedBefore}T00:00:00Z: the staged events of its week were pruned (CsvDrops:StagedUsageDays = 180)", reason, StringComparison.Ordinal);
        Assert.Contains(new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 4, 2), history.UsageWeeks);
        // The recent week is recounted from its staged events: u1 of the backfill and u9 now.
        Assert.Contains(new UsageWeek("A1", "*", new DateOnly(2026, 2, 23), 2, 2), history.UsageWeeks);
    }

    [Fact]
    public async Task RunAsync_SettingRaisedAfterAPrune_NeverMovesTheMarkBack()
    {
        using var drops = await BackfillAsync();
        drops.Options.StagedUsageDays = 3650;
        drops.Drop("usage_events", "usage-next.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u2,dashboards,2026-02-26T10:00:00Z,1
            """);

        await drops.RunAsync();

        // The weeks before the mark stay pruned: their events are gone, whatever the setting says now.
        Assert.Equal([PrunedBefore], await drops.QueryAsync<string>("SELECT week_start FROM staged_usage_pruned"));
    }

    [Fact]
    public async Task RunAsync_HistoryThatEndedLongAgo_IsPrunedFromItsOwnEndAndALaterFileAddsToItsWeeks()
    {
        // A company's usage of spring 2025 loaded a year later: 180 days before its newest event, not before today, so
        // nothing of it is pruned and a file of the same weeks dropped later is recounted with it.
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Options.StagedUsageDays = 180;
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("usage_events", "usage-2025-03.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-03T10:00:00Z,2
            """);
        await drops.RunAsync();
        drops.Drop("usage_events", "usage-2025-03-more.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u2,dashboards,2025-03-05T10:00:00Z,1
            """);

        var summary = await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);

        Assert.Equal([new CsvFileResult("usage_events", "usage-2025-03-more.csv", 1, 0, false)], summary.Files);
        Assert.Empty(await drops.QueryAsync<string>("SELECT reason FROM quarantine"));
        Assert.Contains(new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 3, 2), history.UsageWeeks);
        // The mark: 180 days before 2025-03-05 is Friday 2024-09-06, in the week of Monday 2024-09-02.
        Assert.Equal(["2024-09-02"], await drops.QueryAsync<string>("SELECT week_start FROM staged_usage_pruned"));
    }
}
