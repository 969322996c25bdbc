using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch dashboard [--port N]</c>: the dashboard without the scheduler, until Ctrl+C. Job actions go to the
/// job store, as <c>churnwatch jobs</c> does, and a running <c>churnwatch run</c> carries them out.
/// </summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default Dashboard:Port, 8090); 0 picks a free one." };
        var command = new Command("dashboard", "Serve the dashboard (overview, accounts, signals, jobs, reports) on Dashboard:Address (127.0.0.1) without running the scheduler, until Ctrl+C.") { port };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = parseResult.GetValue(port) is { } p ? new Dictionary<string, string?> { ["Dashboard:Port"] = p.ToString(CultureInfo.InvariantCulture) } : null;
            return CommandHost.RunAsync(
                async (services, ct) =>
                {
                    // Fail now, naming the key, on a bad address or missing credentials.
                    _ = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
                    _ = services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                    await services.GetRequiredService<StoreDatabase>().MigrateAsync(ct).ConfigureAwait(false);
                    var host = services.GetRequiredService<IHost>();
                    await host.StartAsync(ct).ConfigureAwait(false);
                    var endpoint = services.GetRequiredService<DashboardEndpoint>();
                    await Console.Out.WriteLineAsync($"Dashboard on {endpoint.ListeningOn}; Ctrl+C stops it.").ConfigureAwait(false);
                    await host.WaitForShutdownAsync(ct).ConfigureAwait(false);
                    return ExitCodes.Ok;
                },
                overrides,
                cancellationToken,
                builder =>
                {
                    builder.AddChurnWatchScheduler(run: false);
                    // Hangfire's storage for /hangfire, and no Hangfire server: this process takes no jobs.
                    builder.AddChurnWatchHangfire(server: false);
                    builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: false, Standalone: true));
                });
        });
        return command;
    }
}
