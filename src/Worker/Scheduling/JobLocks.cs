using System.Collections.Concurrent;
using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Never two runs of one job at once. On PostgreSQL a session advisory lock and on SQL Server a session application
/// lock, each on a connection of its own held for the whole run: the database releases it the moment the holder's
/// connection drops, so a node killed mid-job blocks nobody (Hangfire's <c>[DisableConcurrentExecution]</c> is a lock
/// row that a dead node leaves behind for minutes). On the embedded store, one process runs the jobs: a lock in memory.
/// </summary>
internal sealed class JobLocks(StoreDatabase database, IOptions<StoreOptions> store, IOptions<ScheduleOptions> schedule, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>Waits until no other run of <paramref name="job"/> runs anywhere, then holds the job until disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken)
    {
        if (store.Value.Provider == StoreProvider.Sqlite)
        {
            var gate = _local.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Release(() => { gate.Release(); return Task.CompletedTask; });
        }

        var sqlServer = store.Value.Provider == StoreProvider.SqlServer;
        var (take, give) = sqlServer
            ? ("DECLARE @r INT; EXEC @r = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT CASE WHEN @r >= 0 THEN 1 ELSE 0 END",
               "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session'")
            : ("SELECT CASE WHEN pg_try_advisory_lock(@key) THEN 1 ELSE 0 END", "SELECT pg_advisory_unlock(@key)");
        var parameters = new { key = LockKey(job), resource = "churnwatch-job-" + job };
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (await connection.ExecuteScalarAsync<int>(new CommandDefinition(take, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) != 1)
            {
                await Task.Delay(schedule.Value.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new Release(async () =>
        {
            await using (connection.ConfigureAwait(false))
            {
                await UnlockAsync(connection, give, parameters).ConfigureAwait(false);
            }
        });
    }

    /// <summary>A fixed 64-bit advisory lock key per job (FNV-1a of its name), the same on every node.</summary>
    public static long LockKey(string job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var hash = 14695981039346656037UL;
        foreach (var c in "churnwatch-job-" + job)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }

    private static async Task UnlockAsync(DbConnection connection, string give, object parameters)
    {
        try
        {
            await connection.ExecuteAsync(give, parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection is gone (or broken): so is its lock.
        }
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release().ConfigureAwait(false);
    }
}
