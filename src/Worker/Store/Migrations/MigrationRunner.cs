using System.Data.Common;
using System.Globalization;
using Dapper;

namespace ChurnWatch.Worker.Store.Migrations;

/// <summary>
/// Applies the migrations a store does not have yet, each in its own transaction together with its row in
/// <c>schema_migrations</c>, so a crash never leaves a half-applied version.
/// </summary>
internal sealed class MigrationRunner(IReadOnlyList<Migration> migrations, TimeProvider timeProvider)
{
    /// <summary>Brings the store to the newest version; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var dialect = StoreDialect.For(connection);
        // Two instances may start together against one server: the history table is created, and each version
        // applied, under the dialect's migration lock, and a version is checked again once the lock is held.
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await LockAsync(dialect, connection, transaction, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(dialect.CreateMigrationHistoryTable, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();

        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var unknown = applied.Where(v => v > newest).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The store is at schema version {unknown.Max()}, newer than this ChurnWatch knows ({newest}). Upgrade ChurnWatch or point Store:DataFolder elsewhere.");
        }

        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockAsync(dialect, connection, transaction, cancellationToken).ConfigureAwait(false);
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
            {
                continue; // applied by another instance while this one waited for the lock; disposing rolls back
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            done.Add(migration.Version);
        }

        return done;
    }

    private static async Task LockAsync(StoreDialect dialect, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (dialect.MigrationLock is { } sql)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
