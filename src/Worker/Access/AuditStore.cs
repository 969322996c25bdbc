using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Dapper;

namespace ChurnWatch.Worker.Access;

/// <summary>
/// The audit trail in the store (<c>audit_events</c>). Append-only by design: it can record and read, and there is
/// deliberately no way here to change or delete an event, so neither the dashboard nor a command can rewrite history.
/// </summary>
internal sealed class AuditStore(StoreDatabase database, TimeProvider timeProvider)
{
    /// <summary>Records one event, now. Callers never pass a password or a secret in <paramref name="detail"/>.</summary>
    public async Task RecordAsync(string actor, string action, string target, string source, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, null, actor, action, target, source, detail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records one event, now, inside <paramref name="transaction"/>: the change it records commits with it, so a
    /// change is never stored without its event (nor an event without its change).
    /// </summary>
    public Task RecordAsync(DbTransaction transaction, string actor, string action, string target, string source, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return InsertAsync(transaction.Connection!, transaction, actor, action, target, source, detail, cancellationToken);
    }

    /// <summary>The newest <paramref name="limit"/> events at or after <paramref name="since"/> (all when null), newest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(DateTime? since, int limit, CancellationToken cancellationToken)
    {
        const string Columns = "event_id AS EventId, at AS At, actor AS Actor, action AS Action, target AS Target, source AS Source, detail AS Detail";
        const string Filter = "FROM audit_events WHERE (@since IS NULL OR at >= @since) ORDER BY event_id DESC";
        // The trail only grows, so the limit is applied by the database, in each dialect's words.
        var sql = database.Provider == StoreProvider.SqlServer
            ? $"SELECT TOP (@limit) {Columns} {Filter}"
            : $"SELECT {Columns} {Filter} LIMIT @limit";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var events = await connection.QueryAsync<AuditEvent>(new CommandDefinition(
            sql, new { since = StoreText.Instant(since), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return events.ToList();
    }

    private Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, string actor, string action, string target, string source, string detail, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_events (at, actor, action, target, source, detail) VALUES (@at, @actor, @action, @target, @source, @detail)",
            new { at = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime), actor, action, target, source, detail },
            transaction,
            cancellationToken: cancellationToken));
}
