namespace ChurnWatch.Worker.Scheduling;

/// <summary>One cron schedule: its <c>Schedule</c> key, the job it starts, and whether that start runs the job's chain.</summary>
internal sealed record JobSchedule(string Key, string Job, bool Chain, Func<ScheduleOptions, string> Cron);
