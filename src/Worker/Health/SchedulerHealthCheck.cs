using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// Readiness: this node's Hangfire server is running, i.e. it is in the storage's server list with a recent heartbeat
/// (it leaves the list when it stops). Its data carries the last run of each job.
/// </summary>
internal sealed class SchedulerHealthCheck(IServiceProvider services, SchedulerNode node, RunHistoryStore runs, IOptions<StoreOptions> store, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>A heartbeat older than this (six missed beats) says the server is stuck or gone.</summary>
    private static readonly TimeSpan StaleHeartbeat = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, object> last;
        try
        {
            last = (await runs.LastRunsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Job, r => (object)r, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            last = new Dictionary<string, object>(StringComparer.Ordinal);
        }

        // Hangfire is registered by `churnwatch run` only; without it there is no server here to be ready.
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return HealthCheckResult.Unhealthy($"Hangfire server not running on node {node.Name} (this process runs none)", data: last);
        }

        bool running;
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            running = storage.GetMonitoringApi().Servers().Any(s =>
                s.Name.StartsWith(node.Name + ":", StringComparison.OrdinalIgnoreCase) && s.Heartbeat is { } beat && now - beat < StaleHeartbeat);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Hangfire storage ({HangfireStorage.Describe(store.Value.Provider)}) unreachable: {e.Message}", data: last);
        }

        var description = $"Hangfire server {(running ? "running" : "not running")} on node {node.Name} ({HangfireStorage.Describe(store.Value.Provider)})";
        return running ? HealthCheckResult.Healthy(description, last) : HealthCheckResult.Unhealthy(description, data: last);
    }
}
