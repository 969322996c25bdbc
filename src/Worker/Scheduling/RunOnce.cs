using System.Diagnostics;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// <c>churnwatch run --once</c>: the scheduled jobs once, in their chain's order, on the configured source and in this
/// process (no Hangfire server, no background <c>run</c> needed): ingest, train when due, score, signals, reports,
/// forecast (with the SaaS metrics). Each runs through <see cref="StepRunner"/> as a scheduled run does (run history,
/// retries of transient failures), with the trigger <see cref="Trigger"/>; the first failure stops the rest.
/// </summary>
internal sealed class RunOnce(StepRunner runner, JobLocks locks, SchedulerNode node, ModelStore models, IOptions<ScheduleOptions> schedule, TimeProvider timeProvider)
{
    /// <summary>The trigger recorded in the run history.</summary>
    public const string Trigger = "run --once";

    /// <summary>The jobs, in order, with what the progress shows while each runs.</summary>
    public static IReadOnlyList<(string Job, string Step)> Steps { get; } =
    [
        (IngestJob.Name, "Ingest"),
        (TrainJob.Name, "Train and backtest"),
        (ScoreJob.Name, "Score"),
        (SignalsJob.Name, "Signals"),
        (ReportsJob.Name, "Reports and exports"),
        (ForecastJob.Name, "Forecast and SaaS metrics"),
    ];

    public async Task<IReadOnlyList<RunOnceStep>> RunAsync(IPipelineProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var done = new List<RunOnceStep>();
        foreach (var (job, step) in Steps)
        {
            if (job == TrainJob.Name && await TrainingNotDueAsync(cancellationToken).ConfigureAwait(false) is { } reason)
            {
                done.Add(new RunOnceStep(job, RunOnceStep.Skipped, null, reason, TimeSpan.Zero));
                continue;
            }

            progress.Begin(step);
            var clock = Stopwatch.StartNew();
            StepOutcome outcome;
            // The job's lock, as a scheduled node takes it: on a cluster store this waits for a running node's run of it.
            await using (await locks.AcquireAsync(job, cancellationToken).ConfigureAwait(false))
            {
                outcome = await runner.RunAsync(new StepRun(job, Trigger, node.Name, null, Chain: false), cancellationToken).ConfigureAwait(false);
            }

            progress.End();
            done.Add(new RunOnceStep(job, outcome.Status, outcome.Rows, outcome.Error, clock.Elapsed));
            if (!outcome.Succeeded)
            {
                // Failed: the jobs after it would work on what it did not do. (A cancelled step throws, and the
                // command exits with the cancelled code.)
                break;
            }
        }

        return done;
    }

    /// <summary>
    /// Why training can wait, or null when it is due: there is no churn model yet, or Schedule:Retraining has fired
    /// since the newest one was trained (a scheduled node would have retrained by now).
    /// </summary>
    private async Task<string?> TrainingNotDueAsync(CancellationToken cancellationToken)
    {
        if (await models.LatestTrainedAtAsync(nameof(ModelTarget.Churn), cancellationToken).ConfigureAwait(false) is not { } trainedAt)
        {
            return null;
        }

        var settings = schedule.Value;
        CronSchedule.TryFindTimeZone(settings.TimeZone, out var zone);
        var next = CronSchedule.Parse(settings.Retraining).GetNextOccurrence(DateTime.SpecifyKind(trainedAt, DateTimeKind.Utc), zone);
        return next is { } due && due <= timeProvider.GetUtcNow().UtcDateTime
            ? null
            : $"the model of {trainedAt:yyyy-MM-dd HH:mm} UTC is current: Schedule:Retraining ({settings.Retraining}) next retrains {next:yyyy-MM-dd HH:mm} UTC";
    }
}
