namespace ChurnWatch.Worker.Scheduling;

/// <summary>The work of each scheduled job by name; <see cref="JobSteps"/> is the real one, tests give their own.</summary>
internal interface IJobSteps
{
    /// <summary>Runs the job's step; returns the rows it affected.</summary>
    Task<long> RunAsync(string job, CancellationToken cancellationToken);
}
