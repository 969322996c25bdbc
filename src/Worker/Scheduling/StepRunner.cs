using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Runs one job's step with what a scheduled run needs around it, independent of Hangfire: a row in run history,
/// retries with exponential backoff after a transient failure, and a permanent failure recorded with its error
/// (returned, not thrown: it stops this run's chain and does not block the next run).
/// </summary>
internal sealed partial class StepRunner(
    IJobSteps steps,
    RunHistoryStore runs,
    IOptions<ScheduleOptions> options,
    ShutdownSignal shutdown,
    TimeProvider timeProvider,
    ILogger<StepRunner> logger)
{
    public async Task<StepOutcome> RunAsync(StepRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Hangfire's token fires Schedule:ShutdownGrace after SIGTERM (or when the job is deleted from its dashboard).
        shutdown.StepStarted();
        try
        {
            return await RunCoreAsync(run, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            shutdown.StepEnded();
        }
    }

    private async Task<StepOutcome> RunCoreAsync(StepRun run, CancellationToken cancellationToken)
    {
        var (job, trigger, node) = (run.Job, run.Trigger, run.Node);
        // The same Hangfire job started again: the node that ran it before died (or was cut off) mid-run.
        if (run.HangfireJobId is { } hangfireJobId && await runs.MarkInterruptedAsync(hangfireJobId, cancellationToken).ConfigureAwait(false) is > 0 and var interrupted)
        {
            LogRecovering(logger, job, node, interrupted);
        }

        var settings = options.Value;
        await runs.DeleteFinishedBeforeAsync(timeProvider.GetUtcNow().UtcDateTime - settings.HistoryRetention, cancellationToken).ConfigureAwait(false);
        var runId = await runs.StartAsync(run, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, job, trigger, node);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var rows = await steps.RunAsync(job, cancellationToken).ConfigureAwait(false);
                if (settings.TestDelay > TimeSpan.Zero)
                {
                    await Task.Delay(settings.TestDelay, timeProvider, cancellationToken).ConfigureAwait(false);
                }

                await runs.FinishAsync(runId, "succeeded", rows, null).ConfigureAwait(false);
                LogSucceeded(logger, job, rows, attempt);
                return new StepOutcome("succeeded", rows, null, attempt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                shutdown.MarkCancelled();
                await runs.FinishAsync(runId, "cancelled", null, "cancelled while stopping; the step's unfinished unit of work was rolled back").ConfigureAwait(false);
                LogCancelled(logger, job);
                throw;
            }
            catch (Exception e) when (attempt <= settings.Retries && TransientFailure.Is(e))
            {
                var wait = TransientFailure.Backoff(settings.RetryDelay, attempt, settings.RetryMaxDelay);
                LogRetrying(logger, job, attempt, settings.Retries, wait, e.Message);
                try
                {
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    shutdown.MarkCancelled();
                    await runs.FinishAsync(runId, "cancelled", null, $"cancelled while waiting to retry after: {e.Message}").ConfigureAwait(false);
                    throw;
                }
            }
            catch (Exception e)
            {
                var kind = TransientFailure.Is(e) ? $"still failing after {attempt} attempts" : "permanent failure";
                await runs.FinishAsync(runId, "failed", null, $"{kind}: {e.Message}").ConfigureAwait(false);
                LogFailed(logger, job, kind, e.Message);
                return new StepOutcome("failed", null, e.Message, attempt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} recovered on node {Node} after its node stopped; {Interrupted} unfinished run(s) marked interrupted")]
    private static partial void LogRecovering(ILogger logger, string job, string node, int interrupted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} started by trigger {Trigger} on node {Node}")]
    private static partial void LogStarted(ILogger logger, string job, string? trigger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} succeeded: {Rows} rows, attempt {Attempt}")]
    private static partial void LogSucceeded(ILogger logger, string job, long rows, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} cancelled")]
    private static partial void LogCancelled(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} attempt {Attempt} of {Retries} retries failed transiently; retrying in {Wait}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string job, int attempt, int retries, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed ({Kind}); its chain stops for this run: {Error}")]
    private static partial void LogFailed(ILogger logger, string job, string kind, string error);
}
