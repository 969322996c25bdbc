namespace ChurnWatch.Worker.Scheduling;

/// <summary>What the scheduler, <c>churnwatch jobs</c> and the dashboard know of one job; each job class declares its own.</summary>
/// <param name="Name">The job's name in run history, on the command line and in the job store; stable, since stored work refers to it.</param>
/// <param name="Description">What the job does and writes, for <c>churnwatch jobs list</c> and the dashboard.</param>
/// <param name="Successor">The job a chain runs after this one succeeded, or null at the end of a chain.</param>
/// <param name="Schedules">The <c>Schedule</c> keys that start this job (none for a job that only runs in chains).</param>
/// <param name="Work">The <see cref="IScheduledJob"/> class that runs it, resolved from the services.</param>
internal sealed record JobDefinition(string Name, string Description, string? Successor, IReadOnlyList<JobSchedule> Schedules, Type Work);
