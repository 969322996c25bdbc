using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The files one output run wrote, how many manager reports, and the sources that were stale.</summary>
internal sealed record OutputStepResult(IReadOnlyList<string> Files, int ManagerReports, IReadOnlyList<SourceAsOf> StaleSources);
