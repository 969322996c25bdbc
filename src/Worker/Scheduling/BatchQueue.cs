using Hangfire;
using Hangfire.States;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Puts <see cref="BatchJob"/>s on the batch queue. Registered only in a <c>churnwatch run</c> node: anywhere else (a
/// command that runs a job's code itself) there may be no node to take them, and the steps score in the process.
/// </summary>
internal sealed class BatchQueue(IBackgroundJobClient client)
{
    /// <summary>Queues one batch for any node's batch workers; returns the Hangfire job id.</summary>
    public string Enqueue(BatchWork work) =>
        client.Create<BatchJob>(j => j.RunAsync(work, CancellationToken.None), new EnqueuedState(BatchJob.Queue));
}
