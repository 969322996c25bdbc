using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The files one output run wrote, how many manager reports, the forecast it wrote, and the sources that were stale.</summary>
internal sealed record OutputStepResult(IReadOnlyList<string> Files, int ManagerReports, IReadOnlyList<RenewalForecastMonth> Forecast, IReadOnlyList<SourceAsOf> StaleSources);
