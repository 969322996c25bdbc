using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The node's side of <c>churnwatch run</c> besides Hangfire's own server: at start it (re)registers one recurring job
/// per <c>Schedule</c> key in Schedule:TimeZone (a paused job's as never firing, so registration never undoes a
/// pause), and on the embedded store catches up what the last process left (a run cut off by a crash runs again; a
/// schedule that missed one or more slots runs once). Then, every Schedule:PollInterval, it turns requests of
/// <c>churnwatch jobs</c> and the dashboard into Hangfire jobs and follows pauses and resumes.
/// </summary>
internal sealed partial class ScheduleRegistrar(
    IRecurringJobManager recurring,
    IBackgroundJobClient client,
    JobControlStore control,
    RunHistoryStore runs,
    SchedulerNode node,
    IOptions<ScheduleOptions> options,
    IOptions<StoreOptions> store,
    TimeProvider timeProvider,
    ILogger<ScheduleRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        CronSchedule.TryFindTimeZone(settings.TimeZone, out var zone);
        var paused = (await control.PausesAsync(stoppingToken).ConfigureAwait(false)).Keys.ToHashSet(StringComparer.Ordinal);
        Register(settings, zone, paused);
        if (store.Value.Provider == StoreProvider.Sqlite)
        {
            await CatchUpAsync(settings, zone, paused, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                while (await control.TakeAsync(node.Name, stoppingToken).ConfigureAwait(false) is { } request)
                {
                    var id = Enqueue(request.Job, request.FiredBy, request.Chain);
                    await control.SetHangfireJobAsync(request.RequestId, id).ConfigureAwait(false);
                    LogRequested(logger, request.Job, request.FiredBy, id);
                }

                var now = (await control.PausesAsync(stoppingToken).ConfigureAwait(false)).Keys.ToHashSet(StringComparer.Ordinal);
                if (!now.SetEquals(paused))
                {
                    paused = now;
                    Register(settings, zone, paused);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreUnavailableException or TimeoutException)
            {
                // The store is unreachable for a moment: requests wait in it; the next poll takes them.
                LogPollFailed(logger, e.Message);
            }
        }
    }

    private void Register(ScheduleOptions settings, TimeZoneInfo zone, HashSet<string> paused)
    {
        foreach (var schedule in ScheduledJobs.Schedules)
        {
            var cron = paused.Contains(schedule.Job) ? Cron.Never() : schedule.Cron(settings);
            var (job, key, chain) = (schedule.Job, schedule.Key, schedule.Chain);
            recurring.AddOrUpdate<StepJob>(
                key,
                j => j.RunAsync(job, key, chain, null, CancellationToken.None),
                cron,
                new RecurringJobOptions { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed });
        }

        var pausedJobs = paused.Count == 0 ? "none" : string.Join(", ", paused.Order(StringComparer.Ordinal));
        LogRegistered(logger, ScheduledJobs.Schedules.Count, settings.TimeZone, pausedJobs);
    }

    /// <summary>The embedded store keeps Hangfire in memory: what the last process was doing, or missed, is found in run history.</summary>
    private async Task CatchUpAsync(ScheduleOptions settings, TimeZoneInfo zone, HashSet<string> paused, CancellationToken cancellationToken)
    {
        foreach (var run in await runs.InterruptLeftoversAsync(node.Name, cancellationToken).ConfigureAwait(false))
        {
            var id = Enqueue(run.Job, run.Trigger ?? "restart", run.Chain);
            LogRestarted(logger, run.Job, run.Trigger, id);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var schedule in ScheduledJobs.Schedules.Where(s => !paused.Contains(s.Job)))
        {
            var since = await control.ScheduleSinceAsync(schedule.Key, cancellationToken).ConfigureAwait(false);
            var missed = since >= now ? default
                : CronSchedule.Parse(schedule.Cron(settings)).GetOccurrences(since, now, zone, fromInclusive: false, toInclusive: true).LastOrDefault();
            if (missed == default || await runs.LastStartedByAsync(schedule.Key, cancellationToken).ConfigureAwait(false) >= missed)
            {
                continue;
            }

            // However many slots passed while no node ran: one run, now (as Hangfire's relaxed misfire handling does).
            var id = Enqueue(schedule.Job, schedule.Key, schedule.Chain);
            LogMissed(logger, schedule.Job, schedule.Key, missed, id);
        }
    }

    private string Enqueue(string job, string trigger, bool chain) =>
        client.Enqueue<StepJob>(j => j.RunAsync(job, trigger, chain, null, CancellationToken.None));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} recurring jobs registered in {TimeZone}; paused: {Paused}")]
    private static partial void LogRegistered(ILogger logger, int count, string timeZone, string paused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} requested ({FiredBy}): Hangfire job {Id}")]
    private static partial void LogRequested(ILogger logger, string job, string firedBy, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} ({Trigger}) was cut off when the worker last stopped: it runs again as Hangfire job {Id}")]
    private static partial void LogRestarted(ILogger logger, string job, string? trigger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} missed its slot {Missed:u} (Schedule:{Key}) while no worker ran: it runs once now as Hangfire job {Id}")]
    private static partial void LogMissed(ILogger logger, string job, string key, DateTime missed, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read job requests from the store: {Reason}; trying again")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
