using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // WAL lets reports read while an ingest writes; busy_timeout waits for a lock instead of failing at once.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            // Say which database: the source is a SQLite file too, and SQLite's own words name neither.
            throw new StoreUnavailableException(
                $"The store, ChurnWatch's own SQLite file {Path.Combine(options.DataFolder, options.SqliteFile)} (Store:DataFolder, Store:SqliteFile), is not a SQLite database or is damaged: {e.Message} " +
                "Restore it from a backup, or move it away and run 'churnwatch ingest --full' to build a new store from the source.", e);
        }
    }

    public override string Quote(string identifier) => $"\"{identifier}\"";

    public override string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns = null) =>
        OnConflict.Upsert(this, table, columns, keyColumns, UpdateColumns(columns, keyColumns, updateColumns));

    public override string InsertReturning(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {Quote(table)} ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) RETURNING {Quote(idColumn)}";

    /// <summary>
    /// One prepared, parameterised INSERT reused for every row: SQLite runs in-process, so a round trip costs nothing.
    /// The statement is driven through SQLite's own API (bind by position, step, reset) on the connection's handle, in
    /// the caller's transaction: through ADO.NET every row paid for a data reader, a by-name lookup of each parameter
    /// and its type inference, several times the cost of SQLite's insert itself on tens of millions of usage rows.
    /// Errors are raised as <see cref="SqliteException"/>s with SQLite's message, as ADO.NET raises them; the
    /// connection's busy_timeout makes a step wait for a lock the same way.
    /// </summary>
    public override Task<long> BulkWriteAsync<T>(
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
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The store connection is not open.");
        if (columns.Count == 0)
        {
            // Clearing an entity (a replace with nothing to write) passes no columns and no rows.
            return Task.FromResult(rows.Any() ? throw new ArgumentException("Rows need columns.", nameof(columns)) : 0L);
        }

        sqlite3_stmt? statement = null;
        try
        {
            var count = 0L;
            foreach (var row in rows)
            {
                if (statement is null)
                {
                    // Prepared at the first row, as ADO.NET did: writing no rows never touches the table.
                    var sql = OnConflict.Insert(this, table, [.. columns.Select(c => c.Name)], [[.. columns.Select((_, i) => Parameter(i))]], keyColumns);
                    SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out statement), db);
                }

                if ((count & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    SqliteException.ThrowExceptionForRC(Bind(statement, i + 1, columns[i].Value(row), table, columns[i].Name), db);
                }

                var done = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (done != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(done, db);
                }

                count++;
            }

            return Task.FromResult(count);
        }
        finally
        {
            statement?.Dispose();
        }
    }

    /// <summary>Binds a value as ADO.NET's SQLite provider would (booleans as 0/1, whole numbers as integers).</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value, string table, string column) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        float real => raw.sqlite3_bind_double(statement, index, real),
        _ => throw new NotSupportedException($"{table}.{column}: a {value.GetType().Name} value; store columns give text, whole numbers or doubles."),
    };
}
