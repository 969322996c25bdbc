using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Finance;

/// <summary>The SaaS metrics of the last complete months, with what the outputs print beside them.</summary>
/// <param name="Report">The MRR bridge, rates and cohort table.</param>
/// <param name="Sources">The freshness of every source.</param>
/// <param name="Currency">The currency most subscriptions are in.</param>
/// <param name="GeneratedAt">When the metrics were computed (UTC).</param>
/// <param name="Options">The conventions used (grace period, delinquent accounts, same-month sign-up and cancel).</param>
internal sealed record SaasMetricsResult(SaasMetricsReport Report, IReadOnlyList<SourceAsOf> Sources, string Currency, DateTime GeneratedAt, MetricsOptions Options);
