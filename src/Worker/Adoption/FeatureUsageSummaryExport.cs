using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Adoption;

/// <summary>
/// The feature-usage summary of a <see cref="FeatureUsageQuery"/>, from the store: what <c>churnwatch export
/// feature-usage</c> writes and the dashboard's Reports page downloads, computed by one piece of code for both.
/// </summary>
internal sealed class FeatureUsageSummaryExport(FinanceStore finance, HistoryStore history, IOptions<MetricsOptions> metrics)
{
    /// <summary>Computes the summary.</summary>
    /// <exception cref="NothingToComputeException">The store holds no ingested data or no subscriptions.</exception>
    public async Task<FeatureUsageSummaryResult> ComputeAsync(FeatureUsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The ledger, and the per-feature weeks streamed from the store: a period's usage is held at a time.
        var (ledger, sources, now) = await finance.LoadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var (firstWeek, lastWeek) = FeatureUsageSummary.WeekRange(query.From, query.To, query.Grain);
        var weeks = history.FeatureWeeks(firstWeek, lastWeek.AddDays(1), cancellationToken);
        var rows = FeatureUsageSummary.Compute(ledger, weeks, query.From, query.To, query.Grain, query.Grouping, metrics.Value.GraceDays);
        return new FeatureUsageSummaryResult(rows, ledger.DataAsOf, sources, now);
    }
}
