using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>The store's record of every pipeline step run: job, start, end, status, rows affected, error.</summary>
internal sealed class RunHistoryStore(StoreDatabase database, TimeProvider timeProvider)
{
    public async Task<long> StartAsync(string job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.InsertReturning("job_runs", ["job", "started_at", "status"], "run_id"),
            new { job, started_at = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), status = "running" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Closes a run. Not cancellable: a cancelled step must still be recorded as such.</summary>
    public async Task FinishAsync(long runId, bool succeeded, long? rowsAffected, string? error)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE job_runs SET finished_at = @finishedAt, status = @status, rows_affected = @rowsAffected, error = @error WHERE run_id = @runId",
            new
            {
                runId,
                finishedAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime),
                status = succeeded ? "succeeded" : "failed",
                rowsAffected,
                error,
            }).ConfigureAwait(false);
    }
}
