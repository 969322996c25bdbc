using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The files one output run wrote, how many manager reports, and the forecast it wrote.</summary>
internal sealed record OutputStepResult(IReadOnlyList<string> Files, int ManagerReports, IReadOnlyList<RenewalForecastMonth> Forecast);
