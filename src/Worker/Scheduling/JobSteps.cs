using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Runs a job by name: resolves its <see cref="IScheduledJob"/> class from the services and calls it.</summary>
internal sealed class JobSteps(IServiceProvider services) : IJobSteps
{
    public Task<long> RunAsync(string job, CancellationToken cancellationToken)
    {
        var definition = ScheduledJobs.Find(job) ?? throw new ArgumentOutOfRangeException(nameof(job), job, "No such job.");
        return ((IScheduledJob)services.GetRequiredService(definition.Work)).RunAsync(cancellationToken);
    }
}
