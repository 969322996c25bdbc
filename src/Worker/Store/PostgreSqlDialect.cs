using System.Data.Common;
using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Configuration;
using Npgsql;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// A PostgreSQL store. Same upsert syntax as SQLite; a full replace streams its rows with COPY (the fastest way
/// into PostgreSQL), an upsert sends multi-row INSERT ... ON CONFLICT statements.
/// </summary>
internal sealed class PostgreSqlDialect : StoreDialect
{
    /// <summary>PostgreSQL's limit of parameters in one statement.</summary>
    public const int MaxParameters = 65_535;

    /// <summary>Rows per INSERT statement: large enough to amortise the round trip, small enough to parse quickly.</summary>
    public const int MaxRowsPerStatement = 2_000;

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    public override string CreateMigrationHistoryTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>A transaction-scoped advisory lock; the key is ChurnWatch's own constant.</summary>
    public override string MigrationLock => "SELECT pg_advisory_xact_lock(4837201554)";

    public override async Task<DbConnection> OpenAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreUnavailableException($"Store:ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            // The server and database only: the connection string may hold a password.
            throw new StoreUnavailableException(
                $"Cannot open the PostgreSQL store, database '{builder.Database}' on {builder.Host}:{builder.Port} (Store:ConnectionString): {e.Message}", e);
        }
    }

    public override string Quote(string identifier) => $"\"{identifier}\"";

    public override string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns = null) =>
        OnConflict.Upsert(this, table, columns, keyColumns, UpdateColumns(columns, keyColumns, updateColumns));

    public override string InsertReturning(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {Quote(table)} ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) RETURNING {Quote(idColumn)}";

    /// <summary>The multi-row INSERT of an upsert batch, parameters <c>@p0</c>... row by row.</summary>
    public string InsertBatch(string table, IReadOnlyList<string> columns, int rows, IReadOnlyList<string>? keyColumns) =>
        OnConflict.Insert(this, table, columns, [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<string>)[.. columns.Select((_, c) => Parameter((r * columns.Count) + c))])], keyColumns);

    public override Task<long> BulkWriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        IReadOnlyList<string>? keyColumns,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (keyColumns is not { Count: > 0 } && columns.Count > 0 && connection is NpgsqlConnection npgsql)
        {
            return CopyAsync(npgsql, table, columns, rows, cancellationToken);
        }

        var names = columns.Select(c => c.Name).ToList();
        return ValuesBatch.WriteAsync(connection, transaction, columns, rows, keyColumns, MaxParameters, MaxRowsPerStatement,
            n => InsertBatch(table, names, n, keyColumns), cancellationToken);
    }

    /// <summary>
    /// COPY ... FROM STDIN in text format, inside the connection's transaction. Text, not binary: the server converts
    /// each value to its column's type, so an <see cref="int"/> read for a BIGINT column needs no care here.
    /// </summary>
    private async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, IReadOnlyList<StoreColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var writer = (NpgsqlCopyTextWriter)await connection.BeginTextImportAsync(
            $"COPY {Quote(table)} ({ColumnList(columns.Select(c => c.Name))}) FROM STDIN", cancellationToken).ConfigureAwait(false);
        var count = 0L;
        try
        {
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                line.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    AppendCopyText(line, columns[i].Value(row));
                }

                line.Append('\n');
                await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }
        catch
        {
            // Without this, disposing the writer would complete the COPY with the rows sent so far. A cancelled
            // writer has ended its COPY, so disposing it then only finds its stream closed.
            await writer.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }

            throw;
        }

        await writer.DisposeAsync().ConfigureAwait(false);
        return count;
    }

    /// <summary>One value in COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped.</summary>
    internal static void AppendCopyText(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                line.Append("\\N");
                break;
            case string text:
                foreach (var c in text)
                {
                    _ = c switch
                    {
                        '\\' => line.Append("\\\\"),
                        '\t' => line.Append("\\t"),
                        '\n' => line.Append("\\n"),
                        '\r' => line.Append("\\r"),
                        _ => line.Append(c),
                    };
                }

                break;
            case double d:
                line.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                line.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool b:
                line.Append(b ? 't' : 'f');
                break;
            case IFormattable formattable:
                line.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendCopyText(line, value.ToString());
                break;
        }
    }
}
