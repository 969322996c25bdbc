using System.Data.Common;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// What steers the scheduled jobs from outside a running node, kept in the store so that it reaches every node of a
/// cluster and survives restarts: pauses (<c>job_pauses</c>), run requests (<c>job_requests</c>) and since when each
/// schedule is registered (<c>job_schedules</c>).
/// </summary>
internal sealed class JobControlStore(StoreDatabase database, TimeProvider timeProvider)
{
    private string Now => StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Every paused job by name.</summary>
    public async Task<IReadOnlyDictionary<string, JobPause>> PausesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var pauses = await connection.QueryAsync<JobPause>(new CommandDefinition(
            "SELECT job AS Job, paused_at AS PausedAt, held_trigger AS HeldTrigger FROM job_pauses", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return pauses.ToDictionary(p => p.Job, StringComparer.Ordinal);
    }

    /// <summary>
    /// Pauses a job, with <paramref name="alongside"/> (the audit event) in the same transaction; false, with nothing
    /// written, when it was paused already.
    /// </summary>
    public async Task<bool> PauseAsync(string job, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        try
        {
            return await database.ChangeAsync(
                async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO job_pauses (job, paused_at) SELECT @job, @now WHERE NOT EXISTS (SELECT 1 FROM job_pauses WHERE job = @job)",
                    new { job, now = Now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1,
                alongside,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another process paused it between the check and the insert (the key refused this one): paused already.
            // Any other failure (the audit event's included) is not that, and goes on up.
            if ((await PausesAsync(cancellationToken).ConfigureAwait(false)).ContainsKey(job))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>
    /// Ends a job's pause and asks, in the same transaction as <paramref name="alongside"/> (the audit event), for the
    /// runs it owes: the chain link held at it, once, and those <paramref name="missedRuns"/> finds from the pause
    /// (a schedule that missed a slot meanwhile). Returns how many runs it asked for, or null, with nothing written,
    /// when the job was not paused.
    /// </summary>
    public async Task<int?> ResumeAsync(
        string job, Func<JobPause, IReadOnlyList<(bool Chain, string FiredBy)>> missedRuns, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(missedRuns);
        int? requested = null;
        await database.ChangeAsync(async (connection, transaction) =>
        {
            var pause = await connection.QuerySingleOrDefaultAsync<JobPause>(new CommandDefinition(
                "SELECT job AS Job, paused_at AS PausedAt, held_trigger AS HeldTrigger FROM job_pauses WHERE job = @job", new { job }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (pause is null || await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM job_pauses WHERE job = @job", new { job }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != 1)
            {
                return false;
            }

            var runs = new List<(bool Chain, string FiredBy)>();
            if (pause.HeldTrigger is { } held)
            {
                // The chain link held at the paused job goes on, once, now.
                runs.Add((true, held));
            }

            runs.AddRange(missedRuns(pause));
            foreach (var (chain, firedBy) in runs)
            {
                await InsertRequestAsync(connection, transaction, job, chain, firedBy, cancellationToken).ConfigureAwait(false);
            }

            requested = runs.Count;
            return true;
        }, alongside, cancellationToken).ConfigureAwait(false);
        return requested;
    }

    /// <summary>Holds a chain link at a paused job until it is resumed; false when the job is not paused (any more).</summary>
    public async Task<bool> HoldAsync(string job, string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_pauses SET held_trigger = @trigger WHERE job = @job", new { job, trigger }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Asks for one run of a job, by whichever node takes the request first, with <paramref name="alongside"/> (the
    /// audit event) in the same transaction. Returns the request's id.
    /// </summary>
    public async Task<long> RequestAsync(string job, bool chain, string firedBy, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        long id = 0;
        await database.ChangeAsync(async (connection, transaction) =>
        {
            id = await InsertRequestAsync(connection, transaction, job, chain, firedBy, cancellationToken).ConfigureAwait(false);
            return true;
        }, alongside, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Takes the oldest waiting request for <paramref name="node"/>, or null; a request is taken by one node only.</summary>
    public async Task<JobRequest?> TakeAsync(string node, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await connection.QueryAsync<JobRequest>(new CommandDefinition(
            "SELECT request_id AS RequestId, job AS Job, chain AS ChainFlag, fired_by AS FiredBy FROM job_requests WHERE taken_at IS NULL ORDER BY request_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var request in waiting)
        {
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE job_requests SET taken_at = @now, taken_by = @node WHERE request_id = @id AND taken_at IS NULL",
                new { id = request.RequestId, node, now = Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (taken == 1)
            {
                return request;
            }
        }

        return null;
    }

    /// <summary>Records the Hangfire job a taken request became.</summary>
    public async Task SetHangfireJobAsync(long requestId, string hangfireJobId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await connection.ExecuteAsync("UPDATE job_requests SET hangfire_job_id = @hangfireJobId WHERE request_id = @requestId", new { requestId, hangfireJobId }).ConfigureAwait(false);
    }

    /// <summary>Since when a schedule is registered (now, the first time it is asked).</summary>
    public async Task<DateTime> ScheduleSinceAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertMissingAsync(connection, "INSERT INTO job_schedules (schedule_key, since) SELECT @key, @now WHERE NOT EXISTS (SELECT 1 FROM job_schedules WHERE schedule_key = @key)",
            new { key, now = Now }, cancellationToken).ConfigureAwait(false);
        return StoreText.ParseInstant(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT since FROM job_schedules WHERE schedule_key = @key", new { key }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? Now);
    }

    private Task<long> InsertRequestAsync(DbConnection connection, DbTransaction? transaction, string job, bool chain, string firedBy, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.InsertReturning("job_requests", ["job", "chain", "fired_by", "requested_at"], "request_id"),
            new { job, chain = chain ? 1 : 0, fired_by = firedBy, requested_at = Now },
            transaction,
            cancellationToken: cancellationToken));

    private static async Task InsertMissingAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another process inserted the same key between the check and the insert: the row is there, as wanted.
        }
    }
}
