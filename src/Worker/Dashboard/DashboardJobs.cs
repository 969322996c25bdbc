using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The jobs as the dashboard sees and steers them: through the Quartz job store, exactly as <c>churnwatch jobs</c>
/// does, so a click acts on whichever node of <c>churnwatch run</c> takes the work, also from the standalone
/// <c>churnwatch dashboard</c>.
/// </summary>
internal sealed class DashboardJobs(ISchedulerFactory schedulers, RunHistoryStore runs, IOptions<ScheduleOptions> schedule)
{
    /// <summary>What started a run from the dashboard, in run history.</summary>
    public const string FiredBy = "manual (dashboard)";

    /// <summary>Every job with its schedules, pause state and last run.</summary>
    public async Task<IReadOnlyList<JobStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var last = (await runs.LastRunsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Job, StringComparer.Ordinal);
        var result = new List<JobStatus>();
        foreach (var definition in ScheduledJobs.All)
        {
            var job = definition.Name;
            var paused = false;
            var schedules = new List<(string, string, DateTimeOffset?)>();
            foreach (var entry in ScheduledJobs.Schedules.Where(s => s.Job == job))
            {
                var key = new TriggerKey(entry.Key, job);
                var trigger = await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false);
                paused |= await scheduler.GetTriggerState(key, cancellationToken).ConfigureAwait(false) == TriggerState.Paused;
                schedules.Add((entry.Key, entry.Cron(schedule.Value), trigger?.NextFireTimeUtc));
            }

            result.Add(new JobStatus(job, definition.Description, paused, schedules, last.GetValueOrDefault(job)));
        }

        return result;
    }

    /// <summary>Recent runs, newest first.</summary>
    public Task<IReadOnlyList<JobRun>> HistoryAsync(int limit, CancellationToken cancellationToken) => runs.HistoryAsync(null, limit, cancellationToken);

    /// <summary>Runs a job now, once, on whichever node takes it; the message says what happened, or why nothing did.</summary>
    public async Task<(bool Done, string Message)> TriggerAsync(string job, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = new JobKey(job, SchedulerSetup.Group);
        if (await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false) is null)
        {
            return (false, $"Job {job} is not in the job store yet: start 'churnwatch run' once, then trigger it.");
        }

        await scheduler.TriggerJob(key, new JobDataMap { [ScheduledJobs.ChainKey] = "false", [ScheduledJobs.FiredByKey] = FiredBy }, cancellationToken).ConfigureAwait(false);
        return (true, $"Triggered {job}: a node of 'churnwatch run' takes it (none is running while only 'churnwatch dashboard' is), and its run shows in the history below.");
    }

    /// <summary>Pauses or resumes a job's schedules; the pause is kept in the job store.</summary>
    public async Task<string> PauseOrResumeAsync(string job, bool pause, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var group = GroupMatcher<TriggerKey>.GroupEquals(job);
        if (pause)
        {
            await scheduler.PauseTriggerGroups(group, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await scheduler.ResumeTriggerGroups(group, cancellationToken).ConfigureAwait(false);
        }

        return $"{(pause ? "Paused" : "Resumed")} {job}.";
    }
}
