using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The store's record of every pipeline step run: job, trigger, node, start, end, status, rows affected, error.
/// Statuses: <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>, and <c>interrupted</c> for a run
/// whose node died (found when another node recovers the job).
/// </summary>
internal sealed class RunHistoryStore(StoreDatabase database, TimeProvider timeProvider)
{
    public Task<long> StartAsync(string job, CancellationToken cancellationToken) => StartAsync(job, null, null, cancellationToken);

    public async Task<long> StartAsync(string job, string? trigger, string? node, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.InsertReturning("job_runs", ["job", "trigger_name", "node", "started_at", "status"], "run_id"),
            new { job, trigger_name = trigger, node, started_at = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), status = "running" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Closes a run. Not cancellable: a cancelled step must still be recorded as such.</summary>
    public Task FinishAsync(long runId, bool succeeded, long? rowsAffected, string? error) =>
        FinishAsync(runId, succeeded ? "succeeded" : "failed", rowsAffected, error);

    /// <summary>Closes a run with a status (succeeded, failed, cancelled). Not cancellable.</summary>
    public async Task FinishAsync(long runId, string status, long? rowsAffected, string? error)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE job_runs SET finished_at = @finishedAt, status = @status, rows_affected = @rowsAffected, error = @error WHERE run_id = @runId",
            new
            {
                runId,
                finishedAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime),
                status,
                rowsAffected,
                error,
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the runs of a job still marked running, as <c>interrupted</c>: called when a job is recovered after its
    /// node died, and only then, since a job that must not overlap cannot be running anywhere else at that moment.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(string job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET finished_at = @finishedAt, status = 'interrupted', error = @error WHERE job = @job AND status = 'running'",
            new { job, finishedAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), error = "the node running it stopped; recovered by another run" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The newest runs, newest first, of one job or of all.</summary>
    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(
            "SELECT run_id AS RunId, job AS Job, trigger_name AS TriggerName, node AS Node, started_at AS StartedAt, finished_at AS FinishedAt, " +
            "status AS Status, rows_affected AS RowsAffected, error AS Error FROM job_runs WHERE (@job IS NULL OR job = @job) ORDER BY run_id DESC",
            new { job },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return runs.Take(limit).ToList();
    }

    /// <summary>The newest run of each job.</summary>
    public async Task<IReadOnlyList<JobRun>> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(
            "SELECT r.run_id AS RunId, r.job AS Job, r.trigger_name AS TriggerName, r.node AS Node, r.started_at AS StartedAt, r.finished_at AS FinishedAt, " +
            "r.status AS Status, r.rows_affected AS RowsAffected, r.error AS Error FROM job_runs r " +
            "WHERE r.run_id = (SELECT MAX(l.run_id) FROM job_runs l WHERE l.job = r.job) ORDER BY r.job",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return runs.ToList();
    }

    /// <summary>Deletes finished runs that started before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteFinishedBeforeAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_runs WHERE started_at < @before AND status <> 'running'",
            new { before = StoreText.Instant(before) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
