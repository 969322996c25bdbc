using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// SIGTERM (or Ctrl+C): the node stops taking work at once (scheduler in standby; in a cluster the other nodes go
/// on), waits up to <see cref="ScheduleOptions.ShutdownGrace"/> for the running step, then cancels it: the step rolls
/// back its unfinished unit of work and the run is recorded as cancelled. Registered after Quartz's hosted service,
/// so the host stops it first.
/// </summary>
internal sealed partial class GracefulShutdown(
    ISchedulerFactory schedulers,
    ShutdownSignal signal,
    IOptions<ScheduleOptions> options,
    TimeProvider timeProvider,
    ILogger<GracefulShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.Standby(cancellationToken).ConfigureAwait(false);
        var grace = options.Value.ShutdownGrace;
        LogStopping(logger, signal.Running, grace);
        var deadline = timeProvider.GetUtcNow() + grace;
        while (signal.Running > 0 && timeProvider.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, CancellationToken.None).ConfigureAwait(false);
        }

        if (signal.Running > 0)
        {
            LogCancelling(logger, signal.Running);
            await signal.CancelAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new work taken; waiting up to {Grace} for {Running} running step(s)")]
    private static partial void LogStopping(ILogger logger, int running, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown grace over: cancelling {Running} running step(s)")]
    private static partial void LogCancelling(ILogger logger, int running);
}
