using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Microsoft.Data.SqlClient;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// A SQL Server store (T-SQL). Upserts are <c>MERGE ... WITH (HOLDLOCK)</c>: the lock closes the gap between the
/// match and the insert in which a concurrent writer could insert the same key. Written for T-SQL and checked
/// without a server: no SQL Server has run this code yet.
/// </summary>
internal sealed class SqlServerDialect : StoreDialect
{
    /// <summary>SQL Server accepts 2,100 parameters per request; a little is left for the driver.</summary>
    public const int MaxParameters = 2_000;

    /// <summary>A table value constructor (<c>VALUES (...), (...)</c>) in an INSERT takes at most 1,000 rows.</summary>
    public const int MaxRowsPerStatement = 1_000;

    public override StoreProvider Provider => StoreProvider.SqlServer;

    /// <summary>SQL Server has no CREATE TABLE IF NOT EXISTS.</summary>
    public override string CreateMigrationHistoryTable =>
        "IF OBJECT_ID(N'schema_migrations', N'U') IS NULL CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at NVARCHAR(40) NOT NULL)";

    /// <summary>An application lock owned by the transaction; a timeout or deadlock fails the migration.</summary>
    public override string MigrationLock =>
        "DECLARE @locked INT; EXEC @locked = sp_getapplock @Resource = N'churnwatch_schema_migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000; "
        + "IF @locked < 0 THROW 50000, N'Timed out waiting for another ChurnWatch to finish migrating the store.', 1;";

    public override async Task<DbConnection> OpenAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StoreUnavailableException($"Store:ConnectionString is not a valid SQL Server connection string: {e.Message}", e);
        }

        // The server and database only: the connection string may hold a password.
        var where = $"database '{builder.InitialCatalog}' on server '{builder.DataSource}' (Store:ConnectionString)";
        if (GlobalizationIsInvariant())
        {
            // Microsoft.Data.SqlClient needs ICU to map the server's collations to encodings and refuses to open otherwise.
            throw new StoreUnavailableException(
                $"Cannot open the SQL Server store, {where}: Microsoft.Data.SqlClient does not support .NET's globalization-invariant mode, "
                + "which this build of ChurnWatch runs in. Install ICU (libicu) and set \"System.Globalization.Invariant\": false in churnwatch.runtimeconfig.json, "
                + "or build with -p:InvariantGlobalization=false.");
        }

        var connection = new SqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException or NotSupportedException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"Cannot open the SQL Server store, {where}: {e.Message}", e);
        }
    }

    public override string Quote(string identifier) => $"[{identifier}]";

    /// <summary>True when .NET runs without ICU, however that was set (runtimeconfig.json or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT).</summary>
    private static bool GlobalizationIsInvariant()
    {
        try
        {
            // SqlClient looks cultures up the same way when it opens a connection.
            _ = System.Globalization.CultureInfo.GetCultureInfo("en-US", predefinedOnly: true);
            return false;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return true;
        }
    }

    public override string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns = null) =>
        Merge(table, columns, [[.. columns.Select(c => "@" + c)]], keyColumns, UpdateColumns(columns, keyColumns, updateColumns));

    /// <summary>OUTPUT INSERTED: T-SQL's RETURNING.</summary>
    public override string InsertReturning(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {Quote(table)} ({ColumnList(columns)}) OUTPUT INSERTED.{Quote(idColumn)} VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    /// <summary>The statement of one batch: a multi-row INSERT, or a MERGE when keys are given; parameters <c>@p0</c>... row by row.</summary>
    public string InsertBatch(string table, IReadOnlyList<string> columns, int rows, IReadOnlyList<string>? keyColumns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        IReadOnlyList<IReadOnlyList<string>> values = [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<string>)[.. columns.Select((_, c) => Parameter((r * columns.Count) + c))])];
        return keyColumns is { Count: > 0 }
            ? Merge(table, columns, values, keyColumns, UpdateColumns(columns, keyColumns, null))
            : $"INSERT INTO {Quote(table)} ({ColumnList(columns)}) VALUES {string.Join(", ", values.Select(v => "(" + string.Join(", ", v) + ")"))}";
    }

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
        var names = columns.Select(c => c.Name).ToList();
        return ValuesBatch.WriteAsync(connection, transaction, columns, rows, keyColumns, MaxParameters, MaxRowsPerStatement,
            n => InsertBatch(table, names, n, keyColumns), cancellationToken);
    }

    private string Merge(string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns)
    {
        var sql = $"MERGE INTO {Quote(table)} WITH (HOLDLOCK) AS target USING (VALUES "
            + string.Join(", ", rows.Select(r => "(" + string.Join(", ", r) + ")"))
            + $") AS source ({ColumnList(columns)}) ON "
            + string.Join(" AND ", keyColumns.Select(k => $"target.{Quote(k)} = source.{Quote(k)}"));
        if (updateColumns.Count > 0)
        {
            sql += " WHEN MATCHED THEN UPDATE SET " + string.Join(", ", updateColumns.Select(c => $"target.{Quote(c)} = source.{Quote(c)}"));
        }

        // MERGE is the one T-SQL statement that must end with a semicolon.
        return sql + $" WHEN NOT MATCHED THEN INSERT ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select(c => "source." + Quote(c)))});";
    }
}
