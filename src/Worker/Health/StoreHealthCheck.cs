using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// Readiness: the store answers a query. Its data carries each source's freshness: stale (older than Output:StaleAfter)
/// sources are reported, not failed, since the node itself is fine.
/// </summary>
internal sealed class StoreHealthCheck(StoreDatabase database, HistoryStore history, IOptions<OutputOptions> output, TimeProvider timeProvider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                _ = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            var freshness = (await history.FreshnessAsync(cancellationToken).ConfigureAwait(false))
                .Where(f => f.Provided)
                .ToDictionary(
                    f => f.Entity,
                    f => (object)new SourceHealth(
                        StoreText.Instant(f.NewestDataAt),
                        StoreText.Instant(f.LastIngestAt),
                        // The reports' rule (SourceAsOf.FromStore): accounts and subscriptions by their last ingest.
                        f.NewestDataAt is null || SourceAsOf.FromStore(f, now, output.Value.StaleAfter).IsStale),
                    StringComparer.Ordinal);
            return HealthCheckResult.Healthy($"{database.Provider} store reachable", freshness);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message of StoreUnavailableException names the server, never the password.
            return HealthCheckResult.Unhealthy($"{database.Provider} store unreachable: {e.Message}");
        }
    }

    public sealed record SourceHealth(string? NewestDataAt, string LastIngestAt, bool Stale);
}
