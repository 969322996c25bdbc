using ChurnWatch.Worker.Scheduling;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The store's record of every pipeline step run: job, trigger, node, start, end, status, rows affected, error.
/// Statuses: <c>running</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>, and <c>interrupted</c> for a run
/// whose node died (found when another node recovers the job, or, on the embedded store, at the next start).
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

    /// <summary>Opens the run of a scheduled job, with its Hangfire job id and whether its chain goes on after it.</summary>
    public async Task<long> StartAsync(StepRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.InsertReturning("job_runs", ["job", "trigger_name", "node", "started_at", "status", "hangfire_job_id", "chain"], "run_id"),
            new
            {
                job = run.Job,
                trigger_name = run.Trigger,
                node = run.Node,
                started_at = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime),
                status = "running",
                hangfire_job_id = run.HangfireJobId,
                chain = run.Chain ? 1L : 0L,
            },
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
    /// Closes the runs of a Hangfire job still marked running, as <c>interrupted</c>: called when Hangfire starts that
    /// job again, which it does only after the node running it stopped keeping it alive (killed, cut off).
    /// </summary>
    public async Task<int> MarkInterruptedAsync(string hangfireJobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET finished_at = @finishedAt, status = 'interrupted', error = @error WHERE hangfire_job_id = @hangfireJobId AND status = 'running'",
            new { hangfireJobId, finishedAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), error = "the node running it stopped; recovered by another run" },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// On the embedded store at start, where no other node can be running: closes every scheduled run still marked
    /// running (its process died) as <c>interrupted</c>, and returns them so they can run again.
    /// </summary>
    public async Task<IReadOnlyList<StepRun>> InterruptLeftoversAsync(string node, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var leftovers = (await connection.QueryAsync<(string Job, string? Trigger, long Chain)>(new CommandDefinition(
            "SELECT job, trigger_name, chain FROM job_runs WHERE status = 'running' AND hangfire_job_id IS NOT NULL ORDER BY run_id",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET finished_at = @finishedAt, status = 'interrupted', error = @error WHERE status = 'running' AND hangfire_job_id IS NOT NULL",
            new { finishedAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), error = "the worker stopped while it ran; run again at the next start" },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. leftovers.Select(l => new StepRun(l.Job, l.Trigger, node, null, l.Chain != 0))];
    }

    /// <summary>When the newest run that <paramref name="trigger"/> started began, or null when it started none.</summary>
    public async Task<DateTime?> LastStartedByAsync(string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return StoreText.ParseInstantOrNull(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MAX(started_at) FROM job_runs WHERE trigger_name = @trigger", new { trigger }, cancellationToken: cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>The newest runs, newest first, of one job or of all.</summary>
    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = await connection.QueryAsync<JobRun>(new CommandDefinition(
            "SELECT run_id AS RunId, job AS Job, trigger_name AS TriggerName, node AS Node, started_at AS StartedAt, finished_at AS FinishedAt, " +
            "status AS Status, rows_affected AS RowsAffected, error AS Error, hangfire_job_id AS HangfireJobId FROM job_runs WHERE (@job IS NULL OR job = @job) ORDER BY run_id DESC",
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
            "r.status AS Status, r.rows_affected AS RowsAffected, r.error AS Error, r.hangfire_job_id AS HangfireJobId FROM job_runs r " +
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
