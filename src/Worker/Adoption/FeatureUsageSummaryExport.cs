using System.Globalization;
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
    /// <summary>Reads what the summary is computed from; its rows are computed as they are read.</summary>
    /// <param name="query">What it covers.</param>
    /// <param name="maximumAccountWeeks">
    /// For a summary by account, the most accounts x weeks it takes on (its rows are about that x the features); null
    /// for no limit. Above it, <see cref="FeatureUsageTooLargeException"/>, before any usage is read.
    /// </param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <exception cref="NothingToComputeException">The store holds no ingested data or no subscriptions.</exception>
    public async Task<FeatureUsageSummaryResult> ComputeAsync(FeatureUsageQuery query, long? maximumAccountWeeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The ledger, the features, and the per-feature weeks streamed from the store as the rows are read: one period's
        // usage and totals are held at a time.
        var (ledger, sources, now) = await finance.LoadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var (firstWeek, lastWeek) = FeatureUsageSummary.WeekRange(query.From, query.To, query.Grain);
        var accountWeeks = (long)ledger.Accounts.Count * (((lastWeek.DayNumber - firstWeek.DayNumber) / 7) + 1);
        if (query.Grouping == UsageGrouping.Account && accountWeeks > maximumAccountWeeks)
        {
            throw new FeatureUsageTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"By account, {ledger.Accounts.Count:#,##0} accounts x {accountWeeks / ledger.Accounts.Count} weeks is more than {maximumAccountWeeks:#,##0} account-weeks, too large to compute here: choose a shorter span, group by plan or segment, or write it to a file with 'churnwatch export feature-usage'."));
        }

        var features = await history.FeaturesUsedAsync(firstWeek, lastWeek.AddDays(1), cancellationToken).ConfigureAwait(false);
        var weeks = history.FeatureWeeks(firstWeek, lastWeek.AddDays(1), cancellationToken);
        var rows = FeatureUsageSummary.Stream(ledger, weeks, features, query.From, query.To, query.Grain, query.Grouping, metrics.Value.GraceDays);
        return new FeatureUsageSummaryResult(rows, FeatureUsageSummary.PeriodsIn(query.From, query.To, query.Grain), features, ledger.DataAsOf, sources, now);
    }
}
