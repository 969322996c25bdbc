using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Health;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Health;

/// <summary><c>/healthz</c>'s store check judges each source's freshness by the reports' rule, not one of its own.</summary>
public sealed class StoreHealthCheckTests : StoreTestBase<SqliteTestProvider>
{
    private static readonly DateTime Now = TestStore.Now.UtcDateTime;

    [StoreFact]
    public async Task Check_OldReferenceDataIngestedToday_IsFreshAndOldUsageIsStale_AsTheReportsSay()
    {
        // Accounts and subscriptions change rarely: their newest row is a month old, but they were ingested an hour ago.
        // Usage was ingested an hour ago too, and its newest day is a month old: the flow stopped.
        var store = new HistoryStore(Database);
        var monthAgo = Now.AddDays(-30);
        var hourAgo = Now.AddHours(-1);
        var account = new Account("A1", "Acme", "am@vendor.test", "SMB", "EMEA", monthAgo, 10);
        await store.WriteAsync(new EntityWrite<Account>("accounts", HistoryColumns.Accounts, HistoryColumns.KeyOf("accounts"), [account], WriteMode.Replace,
            (count, _, _, _) => Task.FromResult<SourceFreshness?>(new SourceFreshness("accounts", true, count, monthAgo, hourAgo))), CancellationToken.None);
        var usage = new FeatureUsageDay("A1", "reports", DateOnly.FromDateTime(monthAgo), 3, 1);
        await store.WriteAsync(new EntityWrite<FeatureUsageDay>("usage_daily", HistoryColumns.UsageDaily, HistoryColumns.KeyOf("usage_daily"), [usage], WriteMode.Replace,
            (count, _, _, _) => Task.FromResult<SourceFreshness?>(new SourceFreshness("usage_daily", true, count, monthAgo, hourAgo))), CancellationToken.None);
        var output = new OutputOptions();

        var result = await new StoreHealthCheck(Database, store, Options.Create(output), Time).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        var sources = result.Data.ToDictionary(d => d.Key, d => (StoreHealthCheck.SourceHealth)d.Value);
        Assert.False(sources["accounts"].Stale);
        Assert.True(sources["usage_daily"].Stale);
        foreach (var freshness in await store.FreshnessAsync(CancellationToken.None))
        {
            Assert.Equal(SourceAsOf.FromStore(freshness, Now, output.StaleAfter).IsStale, sources[freshness.Entity].Stale);
        }
    }
}
