using ChurnWatch.Worker.Finance;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The forecast and the SaaS metrics one run wrote, and the files (CSVs and pages; data_freshness.csv is not listed).</summary>
internal sealed record ForecastStepResult(RenewalForecastResult Forecast, SaasMetricsResult Metrics, IReadOnlyList<string> Files);
