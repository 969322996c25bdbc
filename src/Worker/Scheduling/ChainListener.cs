using Microsoft.Extensions.Logging;
using Quartz;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Job chaining: when a job that runs as part of a chain succeeds, the next job of the chain is triggered (through
/// the job store, so in a cluster any node may run it). A failed or cancelled job ends the chain for that run.
/// The next job's trigger goes in the trigger group named after that job, so while the job is paused
/// (<c>churnwatch jobs pause</c> pauses the group) the chain waits, and it goes on, once, when the job is resumed.
/// </summary>
internal sealed partial class ChainListener(ILogger<ChainListener> logger) : IJobListener
{
    public string Name => "churnwatch-chain";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.JobDetail.Key.Name;
        if (jobException is not null || context.Result is not StepOutcome { Succeeded: true }
            || !string.Equals(context.MergedJobDataMap.GetString(ScheduledJobs.ChainKey), "true", StringComparison.Ordinal)
            || ScheduledJobs.Find(job)?.Successor is not { } next)
        {
            return;
        }

        var trigger = TriggerBuilder.Create(context.Scheduler.TimeProvider)
            .WithIdentity($"chain-{context.FireInstanceId}", next)
            .ForJob(new JobKey(next, SchedulerSetup.Group))
            .UsingJobData(ScheduledJobs.ChainKey, "true")
            .UsingJobData(ScheduledJobs.FiredByKey, $"chain after {job}")
            .StartNow()
            .Build();
        await context.Scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
        LogChained(logger, job, next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} succeeded: chain continues with {Next}")]
    private static partial void LogChained(ILogger logger, string job, string next);
}
