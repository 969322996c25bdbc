namespace ChurnWatch.Worker.Scheduling;

/// <summary>One job of a <c>run --once</c>: its status (succeeded, failed, cancelled, skipped), rows, error or why skipped, time.</summary>
internal sealed record RunOnceStep(string Job, string Status, long? Rows, string? Note, TimeSpan Elapsed);
