using ChurnWatch.Worker.Store;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The Hangfire job of every pipeline step, kept thin: it holds the job's lock and lets <see cref="StepRunner"/> run
/// the step. In a chain, the next step is added as a continuation only after this step's work succeeded, so Hangfire
/// starts it once this job is Succeeded, on whichever server takes it; a job parameter remembers the continuation, so
/// a re-run after a crash never adds a second one. A failed step throws: its job ends Failed and the chain stops.
/// Hangfire stores this type's and method's names with every job: keep both stable.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed partial class StepJob(StepRunner runner, JobLocks locks, JobControlStore control, IBackgroundJobClient client, SchedulerNode node, ILogger<StepJob> logger)
{
    /// <summary>Job parameter: the id of the continuation this job added (its chain's next step).</summary>
    public const string SuccessorParameter = "churnwatch.successor";

    /// <summary>What a chain link's trigger starts with, e.g. <c>chain after ingest</c>.</summary>
    public const string ChainTriggerPrefix = "chain after ";

    /// <summary>Runs <paramref name="job"/>; <paramref name="context"/> and <paramref name="cancellationToken"/> are given by Hangfire (null and None when queued).</summary>
    [JobDisplayName("{0} ({1})")]
    public async Task RunAsync(string job, string trigger, bool chain, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chainLink = trigger.StartsWith(ChainTriggerPrefix, StringComparison.Ordinal);
        if ((chainLink || ScheduledJobs.Schedules.Any(s => s.Key == trigger))
            && (await control.PausesAsync(cancellationToken).ConfigureAwait(false)).ContainsKey(job))
        {
            // A paused job: its schedules do not start it, and a chain waits at it until it is resumed.
            if (chainLink && await control.HoldAsync(job, trigger, cancellationToken).ConfigureAwait(false))
            {
                LogHeld(logger, job, trigger);
            }
            else
            {
                LogSkipped(logger, job, trigger);
            }

            return;
        }

        StepOutcome outcome;
        await using (await locks.AcquireAsync(job, cancellationToken).ConfigureAwait(false))
        {
            outcome = await runner.RunAsync(new StepRun(job, trigger, node.Name, context.BackgroundJob.Id, chain), cancellationToken).ConfigureAwait(false);
        }

        if (!outcome.Succeeded)
        {
            throw new StepFailedException($"Job {job} failed: {outcome.Error}");
        }

        if (chain && ScheduledJobs.Find(job)?.Successor is { } next && string.IsNullOrEmpty(context.GetJobParameter<string>(SuccessorParameter)))
        {
            var successor = client.ContinueJobWith<StepJob>(context.BackgroundJob.Id, j => j.RunAsync(next, ChainTriggerPrefix + job, true, null, CancellationToken.None));
            context.SetJobParameter(SuccessorParameter, successor);
            LogChained(logger, job, next, successor);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} succeeded: chain continues with {Next} (Hangfire job {Successor})")]
    private static partial void LogChained(ILogger logger, string job, string next, string successor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} is paused: {Trigger} waits until it is resumed")]
    private static partial void LogHeld(ILogger logger, string job, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} is paused: {Trigger} did not start it")]
    private static partial void LogSkipped(ILogger logger, string job, string trigger);
}
