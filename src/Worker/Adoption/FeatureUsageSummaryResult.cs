using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Adoption;

/// <summary>A feature-usage summary as computed, with what it was computed from.</summary>
/// <param name="Rows">One row per period x feature x group (docs/exports.md, feature_usage_summary).</param>
/// <param name="DataAsOf">The end of the ingested data: periods after it are marked incomplete.</param>
/// <param name="Sources">Each source's freshness, for data_freshness.csv.</param>
/// <param name="Now">When it was computed.</param>
internal sealed record FeatureUsageSummaryResult(IReadOnlyList<FeatureUsagePeriod> Rows, DateTime DataAsOf, IReadOnlyList<SourceAsOf> Sources, DateTime Now);
