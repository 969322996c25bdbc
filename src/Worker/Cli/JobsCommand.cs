using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch jobs list|history|trigger|pause|resume</c>: look at and steer the scheduled jobs through the job
/// store, from any machine that reaches it; a running <c>churnwatch run</c> (any node of a cluster) acts on it.
/// </summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var command = new Command("jobs", "Look at and steer the scheduled jobs of 'churnwatch run': " + string.Join(", ", ScheduledJobs.Names) + ".");
        command.Subcommands.Add(List());
        command.Subcommands.Add(History());
        command.Subcommands.Add(Trigger());
        command.Subcommands.Add(PauseOrResume(pause: true));
        command.Subcommands.Add(PauseOrResume(pause: false));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every job: its schedules (cron, time zone, next fire), paused or not, and its last run.");
        command.SetAction((_, ct) => RunAsync(async (services, scheduler, token) =>
        {
            var schedule = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            var last = (await services.GetRequiredService<RunHistoryStore>().LastRunsAsync(token).ConfigureAwait(false)).ToDictionary(r => r.Job, StringComparer.Ordinal);
            foreach (var definition in ScheduledJobs.All)
            {
                var job = definition.Name;
                var paused = await IsPausedAsync(scheduler, job, token).ConfigureAwait(false);
                Console.Out.WriteLine($"{job}{(paused ? " (paused)" : "")}: {definition.Description}");
                foreach (var entry in ScheduledJobs.Schedules.Where(s => s.Job == job))
                {
                    var trigger = await scheduler.GetTrigger(new TriggerKey(entry.Key, job), token).ConfigureAwait(false);
                    var next = trigger?.NextFireTimeUtc is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "not scheduled yet (start churnwatch run)";
                    Console.Out.WriteLine($"  Schedule:{entry.Key} '{entry.Cron(schedule)}' ({schedule.TimeZone}){(entry.Chain ? ", starts the chain" : "")}; next {next}");
                }

                if (definition.Successor is { } then)
                {
                    Console.Out.WriteLine($"  in a chain, then: {then}");
                }

                Console.Out.WriteLine(last.TryGetValue(job, out var run) ? $"  last run: {Describe(run)}" : "  last run: never");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command History()
    {
        var job = new Option<string?>("--job") { Description = "Only this job's runs." };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first (default 20).", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Recent runs from the store: job, trigger, node, start, end, status, rows, error.") { job, limit };
        command.SetAction((parseResult, ct) =>
        {
            var name = parseResult.GetValue(job);
            if (name is not null && !ScheduledJobs.Names.Contains(name))
            {
                return Task.FromResult(UnknownJob(name));
            }

            return CommandHost.RunAsync(
                async (services, token) =>
                {
                    await services.GetRequiredService<StoreDatabase>().MigrateAsync(token).ConfigureAwait(false);
                    var runs = await services.GetRequiredService<RunHistoryStore>().HistoryAsync(name, Math.Max(1, parseResult.GetValue(limit)), token).ConfigureAwait(false);
                    Console.Out.WriteLine("run\tjob\ttrigger\tnode\tstarted\tfinished\tstatus\trows\terror");
                    foreach (var r in runs)
                    {
                        Console.Out.WriteLine(string.Join('\t', r.RunId.ToString(CultureInfo.InvariantCulture), r.Job, r.TriggerName ?? "", r.Node ?? "", r.StartedAt, r.FinishedAt ?? "",
                            r.Status, r.RowsAffected?.ToString(CultureInfo.InvariantCulture) ?? "", (r.Error ?? "").ReplaceLineEndings(" ")));
                    }

                    return ExitCodes.Ok;
                },
                null,
                ct);
        });
        return command;
    }

    private static Command Trigger()
    {
        var name = new Argument<string>("NAME") { Description = "The job: " + string.Join(", ", ScheduledJobs.Names) + "." };
        var chain = new Option<bool>("--chain") { Description = "Run the rest of the chain after it when it succeeds (ingest -> score -> signals; train -> score -> signals)." };
        var command = new Command("trigger", "Run a job now, once, on whichever node takes it first (even when it is paused).") { name, chain };
        command.SetAction((parseResult, ct) =>
        {
            var job = parseResult.GetValue(name)!;
            return !ScheduledJobs.Names.Contains(job) ? Task.FromResult(UnknownJob(job)) : RunAsync(async (_, scheduler, token) =>
            {
                var key = new JobKey(job, SchedulerSetup.Group);
                if (await scheduler.GetJobDetail(key, token).ConfigureAwait(false) is null)
                {
                    return CommandHost.Fail(ExitCodes.Failed, $"Job {job} is not in the job store yet: start 'churnwatch run' once, then trigger it.");
                }

                await scheduler.TriggerJob(key, new JobDataMap { [ScheduledJobs.ChainKey] = parseResult.GetValue(chain) ? "true" : "false", [ScheduledJobs.FiredByKey] = "manual (jobs trigger)" }, token).ConfigureAwait(false);
                Console.Out.WriteLine($"Triggered {job}{(parseResult.GetValue(chain) ? " and its chain" : "")}; 'churnwatch jobs history --job {job}' shows the run.");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Command PauseOrResume(bool pause)
    {
        var name = new Argument<string>("NAME") { Description = "The job: " + string.Join(", ", ScheduledJobs.Names) + "." };
        var command = new Command(
            pause ? "pause" : "resume",
            pause ? "Stop a job's schedules from firing and hold chains at it until it is resumed (a running run finishes; 'jobs trigger' still runs it)." : "Let a paused job's schedules fire again; a missed fire runs once, now.")
        {
            name,
        };
        command.SetAction((parseResult, ct) =>
        {
            var job = parseResult.GetValue(name)!;
            return !ScheduledJobs.Names.Contains(job) ? Task.FromResult(UnknownJob(job)) : RunAsync(async (_, scheduler, token) =>
            {
                var group = GroupMatcher<TriggerKey>.GroupEquals(job);
                if (pause)
                {
                    await scheduler.PauseTriggerGroups(group, token).ConfigureAwait(false);
                }
                else
                {
                    await scheduler.ResumeTriggerGroups(group, token).ConfigureAwait(false);
                }

                Console.Out.WriteLine($"{(pause ? "Paused" : "Resumed")} {job}.");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Task<int> RunAsync(Func<IServiceProvider, IScheduler, CancellationToken, Task<int>> work, CancellationToken cancellationToken) =>
        CommandHost.RunAsync(
            async (services, ct) =>
            {
                _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
                // A client of the job store: never started, so it runs nothing itself.
                var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct).ConfigureAwait(false);
                try
                {
                    return await work(services, scheduler, ct).ConfigureAwait(false);
                }
                finally
                {
                    await scheduler.Shutdown(false, CancellationToken.None).ConfigureAwait(false);
                }
            },
            null,
            cancellationToken,
            builder =>
            {
                // Quartz announces its own start and stop at Information: noise for a one-shot command.
                builder.Logging.AddFilter("Quartz", LogLevel.Warning);
                builder.AddChurnWatchScheduler(run: false);
            });

    private static async Task<bool> IsPausedAsync(IScheduler scheduler, string job, CancellationToken cancellationToken)
    {
        foreach (var entry in ScheduledJobs.Schedules.Where(s => s.Job == job))
        {
            if (await scheduler.GetTriggerState(new TriggerKey(entry.Key, job), cancellationToken).ConfigureAwait(false) == TriggerState.Paused)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(JobRun run) =>
        $"{run.Status} {run.StartedAt} -> {run.FinishedAt ?? "..."} on {run.Node ?? "(command line)"}" +
        (run.RowsAffected is { } rows ? $", {rows} rows" : "") + (run.Error is { } error ? $": {error}" : "");

    private static int UnknownJob(string name) =>
        CommandHost.Fail(ExitCodes.BadArguments, $"No job named '{name}'. The jobs: {string.Join(", ", ScheduledJobs.Names)}.");
}
