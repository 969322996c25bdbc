using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Adoption;

/// <summary>A feature-usage summary, ready to be read, with what it is computed from.</summary>
/// <param name="Rows">
/// One row per period x group x feature (docs/exports.md, feature_usage_summary), computed one period at a time as they
/// are read, from the store: read them once.
/// </param>
/// <param name="Periods">How many weeks or months they cover.</param>
/// <param name="Features">The features, each with a row per period and group.</param>
/// <param name="DataAsOf">The end of the ingested data: periods after it are marked incomplete.</param>
/// <param name="Sources">Each source's freshness, for data_freshness.csv.</param>
/// <param name="Now">When it was computed.</param>
internal sealed record FeatureUsageSummaryResult(IEnumerable<FeatureUsagePeriod> Rows, int Periods, IReadOnlyList<string> Features, DateTime DataAsOf, IReadOnlyList<SourceAsOf> Sources, DateTime Now)
{
    /// <summary>
    /// <see cref="Rows"/>, telling <paramref name="progress"/> the share of periods done each time a period's rows have
    /// been read (the rows come period by period, so that share is the share of the work).
    /// </summary>
    public IEnumerable<FeatureUsagePeriod> RowsReporting(IPipelineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Reporting(Rows, Periods, progress);

        static IEnumerable<FeatureUsagePeriod> Reporting(IEnumerable<FeatureUsagePeriod> rows, int periods, IPipelineProgress progress)
        {
            DateOnly? period = null;
            var done = 0;
            foreach (var row in rows)
            {
                if (period is not null && row.PeriodStart != period)
                    progress.Report((double)++done / periods);
                period = row.PeriodStart;
                yield return row;
            }

            progress.Report(1.0);
        }
    }
}
