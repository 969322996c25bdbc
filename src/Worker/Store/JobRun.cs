namespace ChurnWatch.Worker.Store;

/// <summary>One row of run history (<c>job_runs</c>); instants are ISO-8601 UTC text as stored.</summary>
/// <param name="HangfireJobId">The Hangfire background job of a scheduled run; null for a run of a command.</param>
public sealed record JobRun(long RunId, string Job, string? TriggerName, string? Node, string StartedAt, string? FinishedAt, string Status, long? RowsAffected, string? Error, string? HangfireJobId = null);
