using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch jobs list|history|trigger|pause|resume</c>: look at and steer the scheduled jobs through the store,
/// from any machine that reaches it; a running <c>churnwatch run</c> (any node of a cluster) acts on it.
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
        command.SetAction((_, ct) => RunAsync(async (services, token) =>
        {
            var schedule = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            foreach (var status in await services.GetRequiredService<JobBoard>().StatusAsync(token).ConfigureAwait(false))
            {
                var definition = ScheduledJobs.Find(status.Job)!;
                Console.Out.WriteLine($"{status.Job}{(status.Paused ? " (paused)" : "")}: {status.Description}");
                foreach (var (key, cron, next) in status.Schedules)
                {
                    var chain = definition.Schedules.Single(s => s.Key == key).Chain;
                    var when = next is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "none while paused";
                    Console.Out.WriteLine($"  Schedule:{key} '{cron}' ({schedule.TimeZone}){(chain ? ", starts the chain" : "")}; next {when}");
                }

                if (definition.Successor is { } then)
                {
                    Console.Out.WriteLine($"  in a chain, then: {then}");
                }

                Console.Out.WriteLine(status.LastRun is { } run ? $"  last run: {Describe(run)}" : "  last run: never");
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
                    Console.Out.WriteLine("run\tjob\ttrigger\tnode\tstarted\tfinished\tstatus\trows\terror\thangfire job");
                    foreach (var r in runs)
                    {
                        Console.Out.WriteLine(string.Join('\t', r.RunId.ToString(CultureInfo.InvariantCulture), r.Job, r.TriggerName ?? "", r.Node ?? "", r.StartedAt, r.FinishedAt ?? "",
                            r.Status, r.RowsAffected?.ToString(CultureInfo.InvariantCulture) ?? "", (r.Error ?? "").ReplaceLineEndings(" "), r.HangfireJobId ?? ""));
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
            return !ScheduledJobs.Names.Contains(job) ? Task.FromResult(UnknownJob(job)) : RunAsync(async (services, token) =>
            {
                await services.GetRequiredService<JobBoard>().TriggerAsync(
                    job, parseResult.GetValue(chain), "manual (jobs trigger)", Recorded(services, AuditActions.JobTriggered, job, parseResult.GetValue(chain) ? "with its chain" : ""), token).ConfigureAwait(false);
                Console.Out.WriteLine($"Triggered {job}{(parseResult.GetValue(chain) ? " and its chain" : "")}: a node of 'churnwatch run' takes it (the request waits in the store while none runs); 'churnwatch jobs history --job {job}' shows the run.");
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
            pause ? "Stop a job's schedules from firing and hold chains at it until it is resumed (a running run finishes; 'jobs trigger' still runs it)." : "Let a paused job's schedules fire again; a chain held at it, and a schedule that missed a slot while it was paused, run once, now.")
        {
            name,
        };
        command.SetAction((parseResult, ct) =>
        {
            var job = parseResult.GetValue(name)!;
            return !ScheduledJobs.Names.Contains(job) ? Task.FromResult(UnknownJob(job)) : RunAsync(async (services, token) =>
            {
                var board = services.GetRequiredService<JobBoard>();
                // Pausing a paused job, or resuming a running one, is not an error (a script may make sure of a state): it
                // changes nothing, so it leaves no audit event either.
                if (pause)
                {
                    Console.Out.WriteLine(await board.PauseAsync(job, Recorded(services, AuditActions.JobPaused, job, ""), token).ConfigureAwait(false)
                        ? $"Paused {job}."
                        : $"{job} was paused already; nothing changed.");
                }
                else
                {
                    var runs = await board.ResumeAsync(job, Recorded(services, AuditActions.JobResumed, job, ""), token).ConfigureAwait(false);
                    Console.Out.WriteLine(runs is null ? $"{job} was not paused; nothing changed."
                        : $"Resumed {job}{(runs > 0 ? $"; {runs} run(s) it missed while paused start now, once each" : "")}.");
                }

                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken) =>
        CommandHost.RunAsync(
            async (services, ct) =>
            {
                _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
                return await work(services, ct).ConfigureAwait(false);
            },
            null,
            cancellationToken,
            builder => builder.AddChurnWatchScheduler(run: false));

    // The change's audit event, written in the change's transaction, as the users command records its changes.
    private static AlongsideWrite Recorded(IServiceProvider services, string action, string job, string detail) =>
        services.GetRequiredService<AuditStore>().CommandLineEvent(action, job, detail);

    private static string Describe(JobRun run) =>
        $"{run.Status} {run.StartedAt} -> {run.FinishedAt ?? "..."} on {run.Node ?? "(command line)"}" +
        (run.RowsAffected is { } rows ? $", {rows} rows" : "") + (run.Error is { } error ? $": {error}" : "");

    private static int UnknownJob(string name) =>
        CommandHost.Fail(ExitCodes.BadArguments, $"No job named '{name}'. The jobs: {string.Join(", ", ScheduledJobs.Names)}.");
}
