using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteBatchReadsTests : BatchReadsTests<SqliteTestProvider>;

public sealed class PostgreSqlBatchReadsTests : BatchReadsTests<PostgreSqlTestProvider>;

/// <summary>
/// The reads that let the pipeline hold one batch of accounts at a time: the batches, a batch's history, the company's
/// shape from aggregate queries and the streamed per-feature weeks, each checked against the whole history loaded at once.
/// </summary>
public abstract class BatchReadsTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private async Task<HistoryStore> IngestedSampleAsync()
    {
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 60, Months = 14, Seed = 5, End = new DateOnly(2026, 3, 1) }).Generate();
        var source = Folder.File("sample.db");
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        var store = new HistoryStore(Database);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = $"Data Source={source}" }), Options.Create(new ValidationOptions()), store, Time);
        var result = await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);
        Assert.Empty(result.Refused);
        return store;
    }

    [StoreFact]
    public async Task Batches_CoverEveryAccountOnce_AndTogetherHoldTheWholeHistory()
    {
        var store = await IngestedSampleAsync();
        var whole = await store.LoadAsync(CancellationToken.None);

        var batches = await store.AccountBatchesAsync(7, CancellationToken.None);
        var histories = new List<CompanyHistory>();
        foreach (var batch in batches)
        {
            histories.Add(await store.LoadBatchAsync(batch, CancellationToken.None));
        }

        Assert.Equal(9, batches.Count); // 60 accounts, 7 a batch
        Assert.Equal(Enumerable.Range(0, 9), batches.Select(b => b.Number));
        Assert.All(batches.SkipLast(1), b => Assert.Equal(7, b.Accounts));
        Assert.Equal(whole.Accounts, histories.SelectMany(h => h.Accounts));
        for (var b = 0; b < batches.Count; b++)
        {
            Assert.Equal(batches[b].Accounts, histories[b].Accounts.Count);
            Assert.All(histories[b].UsageDays, d => Assert.Contains(histories[b].Accounts, a => a.AccountId == d.AccountId));
        }

        static IEnumerable<T> Sorted<T>(IEnumerable<T> rows) => rows.Order(Comparer<T>.Create((x, y) => string.CompareOrdinal(x!.ToString(), y!.ToString())));
        Assert.Equal(Sorted(whole.Subscriptions), Sorted(histories.SelectMany(h => h.Subscriptions)));
        Assert.Equal(Sorted(whole.UsageDays), Sorted(histories.SelectMany(h => h.UsageDays)));
        Assert.Equal(Sorted(whole.UsageWeeks.Where(w => w.Feature == UsageWeek.AllFeatures)), Sorted(histories.SelectMany(h => h.UsageWeeks)));
        Assert.Equal(Sorted(whole.Tickets!), Sorted(histories.SelectMany(h => h.Tickets!)));
        Assert.Equal(Sorted(whole.Invoices!), Sorted(histories.SelectMany(h => h.Invoices!)));
        Assert.Equal(Sorted(whole.PaymentAttempts!), Sorted(histories.SelectMany(h => h.PaymentAttempts!)));
        Assert.All(histories, h => Assert.Equal(whole.DataAsOf, h.DataAsOf));
    }

    [StoreFact]
    public async Task ShapeFacts_GiveTheShapeOfTheWholeHistory_AndOfTheHistoryCutAtAnInstant()
    {
        var store = await IngestedSampleAsync();
        var whole = await store.LoadAsync(CancellationToken.None);
        var cut = new DateTime(2025, 9, 17, 12, 0, 0, DateTimeKind.Utc);

        AssertSameShape(CompanyShape.Of(whole), (await store.ShapeFactsAsync(CancellationToken.None)).At());
        AssertSameShape(CompanyShape.Of(HistoryCut.At(whole, cut)), (await store.ShapeFactsAsync(CancellationToken.None)).At(cut));
    }

    [StoreFact]
    public async Task FeatureWeeks_StreamsThePerFeatureWeeksOfThePeriodByWeekAccountAndFeature()
    {
        var store = await IngestedSampleAsync();
        var whole = await store.LoadAsync(CancellationToken.None);
        var from = new DateOnly(2025, 11, 3);
        var to = new DateOnly(2026, 1, 5);

        var streamed = store.FeatureWeeks(from, to, CancellationToken.None).ToList();

        var expected = whole.UsageWeeks
            .Where(w => w.Feature != UsageWeek.AllFeatures && w.WeekStart >= from && w.WeekStart < to)
            .OrderBy(w => w.WeekStart).ThenBy(w => w.AccountId, StringComparer.Ordinal).ThenBy(w => w.Feature, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, streamed);
    }

    private static void AssertSameShape(CompanyShape expected, CompanyShape actual)
    {
        Assert.NotEmpty(expected.FeatureEvents);
        Assert.Equal(expected.FeatureEvents.OrderBy(f => f.Key, StringComparer.Ordinal), actual.FeatureEvents.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(expected.UsageStartDay, actual.UsageStartDay);
        Assert.Equal(expected.FirstWeekStart, actual.FirstWeekStart);
        Assert.Equal(expected.LastWeekStart, actual.LastWeekStart);
        Assert.Equal(expected.FirstStartDay, actual.FirstStartDay);
        Assert.Equal(expected.DataAsOf, actual.DataAsOf);
        Assert.Equal(expected.LicensesSeats, actual.LicensesSeats);
    }
}
