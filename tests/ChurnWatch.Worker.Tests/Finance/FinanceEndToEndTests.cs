using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Finance;

/// <summary>The forecast, its backtest and the metrics on a small generated company after a real demo run.</summary>
public sealed class FinanceEndToEndTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly IHost _host;

    public FinanceEndToEndTests()
    {
        var builder = ChurnWatchHost.CreateBuilder(SmallCompany.Settings(_folder.Path, accounts: 240, months: 24, seed: 11));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        _host = builder.Build();
    }

    [Fact]
    public async Task Commands_AfterTheDemo_ForecastBacktestAndMetricsAddUp()
    {
        var summary = await _host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);

        var progress = new RecordingProgress();
        var result = await _host.Services.GetRequiredService<RenewalForecastService>().RunAsync(new RenewalForecastRequest(12, BySegment: true, BacktestMonths: 6), progress, CancellationToken.None);

        // The backtest's past dates are one step on the progress bar, from 0 to the end, never going back.
        var (step, fractions, ended) = Assert.Single(progress.Steps);
        Assert.Equal($"Backtest: churn and renewal probabilities at {result.ProbabilitySources.Count} past dates", step);
        Assert.True(ended);
        Assert.All(fractions.Zip(fractions.Skip(1)), p => Assert.True(p.First <= p.Second, $"{p.First} then {p.Second}"));
        Assert.InRange(fractions[0], 0, 0.5);
        Assert.InRange(fractions[^1], 0.999, 1.0);

        Assert.Equal(summary.AsOf, result.ScoresAsOf);
        Assert.Equal(12, result.Total.Count);
        // Segments split the total exactly.
        Assert.Equal(result.Total.Sum(m => m.ArrDue), result.BySegment!.Sum(m => m.ArrDue));
        Assert.Equal(result.Total.Sum(m => m.RenewalsDue), result.BySegment!.Sum(m => m.RenewalsDue));
        // Percentiles of a few coins need not bracket the mean (one renewal at 95%: P10 = P90 = its ARR), but they stay within what is due.
        Assert.All(result.Total, m => Assert.True(0 <= m.P10RenewedArr && m.P10RenewedArr <= m.P90RenewedArr && m.P90RenewedArr <= m.ArrDue && m.ExpectedRenewedArr <= m.ArrDue));
        Assert.All(result.Total, m => Assert.Equal(m.ArrDue, m.ExpectedRenewedArr + m.ExpectedChurnedArr));
        Assert.NotEmpty(result.Backtest);
        Assert.All(result.Backtest, r => Assert.True(r.ActualRenewals <= r.RenewalsDue && r.ActualRenewedArr <= r.ArrDue && r.ForecastDate < r.Month));
        Assert.All(result.ProbabilitySources.Values, v => Assert.Contains(v, new[] { RenewalForecastResult.ModelTrainedBeforeDate, RenewalForecastResult.CurrentModelInSample }));
        Assert.Equal(result.Backtest.Count, result.Summary.Sum(s => s.Months));

        var history = await _host.Services.GetRequiredService<HistoryStore>().LoadAsync(CancellationToken.None);
        var metrics = SaasMetrics.Compute(history, SaasMetrics.FirstOfLastCompleteMonths(history.DataAsOf, 12), 12, new MetricsOptions());
        for (var i = 0; i < metrics.Months.Count; i++)
        {
            var m = metrics.Months[i];
            Assert.Equal(m.EndMrr, m.StartMrr + m.NewMrr + m.ExpansionMrr - m.ContractionMrr - m.ChurnedMrr + m.ReactivationMrr);
            Assert.Equal(m.CustomersEnd, m.CustomersStart + m.NewCustomers + m.ReactivatedCustomers - m.ChurnedCustomers);
            if (i > 0)
                Assert.Equal(metrics.Months[i - 1].EndMrr, m.StartMrr);
        }

        var usage = FeatureUsageSummary.Compute(history, new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month, UsageGrouping.Segment, 30);
        var all = FeatureUsageSummary.Compute(history, new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month, UsageGrouping.All, 30);
        Assert.NotEmpty(usage);
        // The export's way, the ledger and the store's weeks streamed, computes exactly the same rows.
        var (ledger, _, _) = await _host.Services.GetRequiredService<FinanceStore>().LoadLedgerAsync(CancellationToken.None);
        var (firstWeek, lastWeek) = FeatureUsageSummary.WeekRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month);
        var weeks = _host.Services.GetRequiredService<HistoryStore>().FeatureWeeks(firstWeek, lastWeek.AddDays(1), CancellationToken.None);
        Assert.Equal(usage, FeatureUsageSummary.Compute(ledger, weeks, new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month, UsageGrouping.Segment, 30));
        // And the command's and the dashboard's way: the features from the store first, the rows one period at a time.
        var features = await _host.Services.GetRequiredService<HistoryStore>().FeaturesUsedAsync(firstWeek, lastWeek.AddDays(1), CancellationToken.None);
        Assert.Equal(usage.Select(u => u.Feature).Distinct().Order(StringComparer.Ordinal), features);
        var streamed = FeatureUsageSummary.Stream(
            ledger, _host.Services.GetRequiredService<HistoryStore>().FeatureWeeks(firstWeek, lastWeek.AddDays(1), CancellationToken.None), features,
            new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month, UsageGrouping.Segment, 30);
        Assert.Equal(usage, streamed.ToList());
        // The command's progress bar: a report each time a period's rows are read, never going back, the last at 1,
        // and the rows handed on unchanged.
        var exported = await _host.Services.GetRequiredService<FeatureUsageSummaryExport>().ComputeAsync(
            new FeatureUsageQuery(new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), UsageGrain.Month, UsageGrouping.Segment), null, CancellationToken.None);
        var exportProgress = new RecordingProgress();
        exportProgress.Begin("feature usage");
        Assert.Equal(usage, exported.RowsReporting(exportProgress).ToList());
        var exportFractions = exportProgress.Steps.Single().Fractions;
        Assert.Equal(exported.Periods, exportFractions.Count);
        Assert.Equal(Enumerable.Range(1, exported.Periods).Select(i => (double)i / exported.Periods), exportFractions);
        // Segments partition the customers: their counts add up to the company's, feature by feature.
        foreach (var row in all)
        {
            var parts = usage.Where(u => u.PeriodStart == row.PeriodStart && u.Feature == row.Feature).ToList();
            Assert.Equal(row.Customers, parts.Sum(p => p.Customers));
            Assert.Equal(row.ActiveAccounts, parts.Sum(p => p.ActiveAccounts));
            Assert.Equal(row.Events, parts.Sum(p => p.Events));
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }
}
