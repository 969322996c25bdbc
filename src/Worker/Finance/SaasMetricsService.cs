using ChurnWatch.Analytics.Metrics;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Finance;

/// <summary>The SaaS metrics of <c>churnwatch metrics</c> and of the weekly forecast job, from the store.</summary>
internal sealed class SaasMetricsService(FinanceStore store, IOptions<MetricsOptions> options)
{
    /// <param name="months">Complete calendar months before the data's end (fewer when the data starts later).</param>
    public async Task<SaasMetricsResult> RunAsync(int months, CancellationToken cancellationToken)
    {
        var (history, sources, now) = await store.LoadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var conventions = options.Value;
        var (first, count) = SaasMetrics.LastCompleteMonths(history, months);
        var report = SaasMetrics.Compute(history, first, count, conventions);
        return new SaasMetricsResult(report, sources, FinanceStore.Currency(history), now, conventions);
    }
}
