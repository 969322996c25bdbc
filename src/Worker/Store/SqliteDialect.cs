using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Store;

/// <summary>The embedded store: a SQLite file. One prepared INSERT reused per row is its fastest bulk write.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string CreateMigrationHistoryTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    // No MigrationLock: Microsoft.Data.Sqlite begins transactions IMMEDIATE, which already serialises writers.

    public override async Task<DbConnection> OpenAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataFolder);
        var connection = new SqliteConnection(options.SqliteConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // WAL lets reports read while an ingest writes; busy_timeout waits for a lock instead of failing at once.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override string Quote(string identifier) => $"\"{identifier}\"";

    public override string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns = null) =>
        OnConflict.Upsert(this, table, columns, keyColumns, UpdateColumns(columns, keyColumns, updateColumns));

    public override string InsertReturning(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {Quote(table)} ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) RETURNING {Quote(idColumn)}";

    /// <summary>One prepared, parameterised INSERT reused for every row: SQLite runs in-process, so a round trip costs nothing.</summary>
    public override async Task<long> BulkWriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        IReadOnlyList<string>? keyColumns,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select(c => c.Name).ToList();
        command.CommandText = OnConflict.Insert(this, table, names, [[.. columns.Select((_, i) => Parameter(i))]], keyColumns);
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = Parameter(i);
            command.Parameters.Add(parameters[i]);
        }

        var count = 0L;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            if (count == 0)
            {
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
