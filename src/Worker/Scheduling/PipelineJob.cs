using Quartz;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The Quartz job of every pipeline step, kept thin: the job key names the step, <see cref="StepRunner"/> runs it.
/// Never two runs of one job at once, anywhere in the cluster; a run whose node dies is recovered by another node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PipelineJob(StepRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await runner.RunAsync(
            context.JobDetail.Key.Name,
            context.MergedJobDataMap.GetString(ScheduledJobs.FiredByKey) ?? (context.Recovering ? context.RecoveringTriggerKey : context.Trigger.Key)?.Name,
            context.Scheduler.SchedulerInstanceId,
            context.Recovering,
            cancellationToken).ConfigureAwait(false);
        context.Result = outcome;
    }
}
