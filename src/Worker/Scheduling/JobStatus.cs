using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>One scheduled job as the Jobs and Overview pages show it.</summary>
/// <param name="Paused">Whether it is paused (kept in the store).</param>
/// <param name="Schedules">Each schedule: configuration key, cron, and next fire (null while paused).</param>
/// <param name="LastRun">Its newest run from the store's run history; null when it never ran.</param>
public sealed record JobStatus(string Job, string Description, bool Paused, IReadOnlyList<(string Key, string Cron, DateTimeOffset? Next)> Schedules, JobRun? LastRun);
