namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The work of one scheduled job, as a plain method over the pipeline steps: it loads what it needs from the store (a
/// job runs alone, possibly on another node than the job before it) and returns the rows it affected. Every step it
/// calls commits atomically and replaces, never duplicates, its period's results. Each class also carries a static
/// <see cref="JobDefinition"/> listed in <see cref="ScheduledJobs.All"/>.
/// </summary>
internal interface IScheduledJob
{
    /// <summary>Runs the job's work; returns the rows it affected.</summary>
    Task<long> RunAsync(CancellationToken cancellationToken);
}
