using System.CommandLine;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Health;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch run</c>: the worker. A Hangfire server runs the scheduled jobs until SIGTERM or Ctrl+C.</summary>
internal static class RunCommand
{
    public const string Name = "run";

    public static Command Create()
    {
        var jsonLogs = new Option<bool>("--json-logs") { Description = "Write logs to standard error as JSON lines (for journald, Loki, Elasticsearch) instead of plain text." };
        var once = new Option<bool>("--once")
        {
            Description = "Run the jobs once on the configured source and exit, no scheduler needed: ingest, train (when there is no model " +
                "or Schedule:Retraining has fired since the last), score, signals, reports, forecast and SaaS metrics, each recorded in the run " +
                "history. Exit code 0 when every job succeeded, 1 when one failed (the rest are not run), 130 when cancelled.",
        };
        var command = new Command(
            Name,
            "Run the worker: ingest, scoring and signals, weekly reports, forecast and retraining on the cron schedules of the " +
            "Schedule section, with run history in the store, /healthz and the dashboard on loopback. Several nodes on one PostgreSQL or " +
            "SQL Server store form a Hangfire cluster. Stops on SIGTERM or Ctrl+C: no new work, the running step gets Schedule:ShutdownGrace, then is cancelled.")
        {
            jsonLogs, once,
        };

        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(once) ? RunOnceAsync(cancellationToken) : CommandHost.RunAsync(
            async (services, ct) =>
            {
                // Fail now, naming the key, on a bad cron, time zone or health setting.
                _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                _ = services.GetRequiredService<IOptions<HealthOptions>>().Value;
                _ = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
                await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
                var host = services.GetRequiredService<IHost>();
                await host.StartAsync(ct).ConfigureAwait(false);
                await host.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
                return services.GetRequiredService<ShutdownSignal>().StepCancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
            },
            null,
            cancellationToken,
            builder =>
            {
                if (parseResult.GetValue(jsonLogs))
                {
                    builder.Logging.AddJsonConsole(o =>
                    {
                        o.UseUtcTimestamp = true;
                        o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                    });
                }

                builder.AddChurnWatchScheduler(run: true);
                builder.AddChurnWatchHealth();
                builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: true, Standalone: false));
                // Hangfire's server gives the running step ShutdownGrace, then up to 30 s to end after its cancellation.
                builder.Services.AddOptions<HostOptions>().Configure<IOptions<ScheduleOptions>>((host, schedule) =>
                    host.ShutdownTimeout = schedule.Value.ShutdownGrace + TimeSpan.FromSeconds(45));
            }));
        return command;
    }

    private static Task<int> RunOnceAsync(CancellationToken cancellationToken) => CommandHost.RunAsync(
        async (services, ct) =>
        {
            _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
            var steps = await SpectreStepProgress.Display(AnsiConsole.Console)
                .StartAsync(context => services.GetRequiredService<RunOnce>().RunAsync(new SpectreStepProgress(context), ct))
                .ConfigureAwait(false);
            RunOnceSummaryTable.Write(AnsiConsole.Console, steps, services.GetRequiredService<IOptions<OutputOptions>>().Value.Folder);
            // A cancelled step throws (CommandHost exits with the cancelled code); a failed one ends the run here.
            if (steps.FirstOrDefault(s => !s.Ended) is { } stopped)
            {
                return CommandHost.Fail(ExitCodes.Failed, $"The {stopped.Job} job failed, so the jobs after it did not run: {stopped.Note}");
            }

            return ExitCodes.Ok;
        },
        null,
        cancellationToken,
        builder =>
        {
            // The jobs and their run history without a Hangfire server: nothing is scheduled, nothing listens.
            builder.AddChurnWatchScheduler(run: false);
            // The progress and the table say which job runs and how it ended; the log keeps retries and failures.
            builder.Logging.AddFilter(typeof(StepRunner).FullName, LogLevel.Warning);
            builder.Services.AddSingleton<JobLocks>();
            builder.Services.AddSingleton<RunOnce>();
        });
}
