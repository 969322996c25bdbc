using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    [Fact]
    public async Task RunAsync_SameUserIdInTwoAccounts_IsADifferentUserInEach()
    {
        // Some products number users per account (every account's first user is "1"): a user id is unique within its
        // account only, so each account counts its own.
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("usage_events", "usage.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,1,dashboards,2025-03-03T10:00:00Z,2
            A2,1,dashboards,2025-03-03T11:00:00Z,1
            A2,2,dashboards,2025-03-04T11:00:00Z,1
            """);

        await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);

        Assert.Contains(new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 2, 1), history.UsageWeeks);
        Assert.Contains(new UsageWeek("A2", "*", new DateOnly(2025, 3, 3), 2, 2), history.UsageWeeks);
        Assert.Contains(new FeatureUsageDay("A2", "dashboards", new DateOnly(2025, 3, 3), 1, 1), history.UsageDays);
    }
}
