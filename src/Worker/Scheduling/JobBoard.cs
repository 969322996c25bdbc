using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The jobs as <c>churnwatch jobs</c> and the dashboard see and steer them: through the store, so an action reaches
/// whichever node of <c>churnwatch run</c> takes it (a request waits in the store while no node runs), and a pause
/// holds across restarts and on every node.
/// </summary>
internal sealed class JobBoard(JobControlStore control, RunHistoryStore runs, IOptions<ScheduleOptions> schedule, TimeProvider timeProvider)
{
    /// <summary>Every job with its schedules (next fire in Schedule:TimeZone), pause state and last run.</summary>
    public async Task<IReadOnlyList<JobStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var pauses = await control.PausesAsync(cancellationToken).ConfigureAwait(false);
        var last = (await runs.LastRunsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Job, StringComparer.Ordinal);
        var settings = schedule.Value;
        CronSchedule.TryFindTimeZone(settings.TimeZone, out var zone);
        var now = timeProvider.GetUtcNow();
        return
        [
            .. ScheduledJobs.All.Select(job =>
            {
                var paused = pauses.ContainsKey(job.Name);
                var schedules = job.Schedules
                    .Select(s => (s.Key, s.Cron(settings), paused ? null : CronSchedule.Parse(s.Cron(settings)).GetNextOccurrence(now, zone)))
                    .ToList();
                return new JobStatus(job.Name, job.Description, paused, schedules, last.GetValueOrDefault(job.Name));
            }),
        ];
    }

    /// <summary>
    /// Asks for one run of <paramref name="job"/> now (also while it is paused), its chain after it when
    /// <paramref name="chain"/>; <paramref name="alongside"/> (the audit event) is stored with the request or not at all.
    /// </summary>
    public Task<long> TriggerAsync(string job, bool chain, string firedBy, AlongsideWrite? alongside, CancellationToken cancellationToken) =>
        control.RequestAsync(job, chain, firedBy, alongside, cancellationToken);

    /// <summary>
    /// Pauses a job: its schedules stop firing and a chain waits at it. False, with nothing written (nor
    /// <paramref name="alongside"/>), when it was paused already.
    /// </summary>
    public Task<bool> PauseAsync(string job, AlongsideWrite? alongside, CancellationToken cancellationToken) =>
        control.PauseAsync(job, alongside, cancellationToken);

    /// <summary>
    /// Resumes a job: the chain link held at it goes on, once, and a schedule of it that missed a slot while it was
    /// paused runs once, now; the pause's end, those runs and <paramref name="alongside"/> are one transaction. Returns
    /// how many runs that asked for, or null, with nothing written, when the job was not paused.
    /// </summary>
    public Task<int?> ResumeAsync(string job, AlongsideWrite? alongside, CancellationToken cancellationToken) =>
        control.ResumeAsync(job, MissedRuns, alongside, cancellationToken);

    /// <summary>One run per schedule of the job that had a slot between the pause and now, fired by that schedule.</summary>
    private IReadOnlyList<(bool Chain, string FiredBy)> MissedRuns(JobPause pause)
    {
        var settings = schedule.Value;
        CronSchedule.TryFindTimeZone(settings.TimeZone, out var zone);
        var since = StoreText.ParseInstant(pause.PausedAt);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return
        [
            .. ScheduledJobs.Find(pause.Job)!.Schedules
                .Where(s => since < now && CronSchedule.Parse(s.Cron(settings)).GetOccurrences(since, now, zone, fromInclusive: false, toInclusive: true).Any())
                .Select(s => (s.Chain, s.Key)),
        ];
    }
}
