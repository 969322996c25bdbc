using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ChurnWatch.Worker.Health;

/// <summary>Readiness: this node's scheduler is running (not in standby or shut down). Its data carries the last run of each job.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, RunHistoryStore runs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = scheduler.Status;
        IReadOnlyDictionary<string, object> last;
        try
        {
            last = (await runs.LastRunsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Job, r => (object)r, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            last = new Dictionary<string, object>(StringComparer.Ordinal);
        }

        var description = $"scheduler {status} on node {scheduler.SchedulerInstanceId}";
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy(description, last)
            : HealthCheckResult.Unhealthy(description, data: last);
    }
}
