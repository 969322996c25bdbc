using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>One scheduled job as the Jobs and Overview pages show it.</summary>
/// <param name="Paused">Whether its schedules are paused in the job store.</param>
/// <param name="Schedules">Each schedule: configuration key, cron, and next fire (null when not in the job store yet).</param>
/// <param name="LastRun">Its newest run from the store's run history; null when it never ran.</param>
internal sealed record JobStatus(string Job, string Description, bool Paused, IReadOnlyList<(string Key, string Cron, DateTimeOffset? Next)> Schedules, JobRun? LastRun);
