using System.Data.Common;
using System.Globalization;
using ChurnWatch.Worker.Configuration;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// What differs between the store's providers: opening a connection, quoting, upserts, inserts that return their
/// generated id, the bulk write and the migration history table. Everything else in the store is SQL that reads the
/// same on SQLite, PostgreSQL and SQL Server. Table and column names passed in are constants of the code, never
/// input; every value is a parameter.
/// </summary>
internal abstract class StoreDialect
{
    public static readonly StoreDialect Sqlite = new SqliteDialect();
    public static readonly StoreDialect PostgreSql = new PostgreSqlDialect();
    public static readonly StoreDialect SqlServer = new SqlServerDialect();

    public abstract StoreProvider Provider { get; }

    /// <summary>The statement that creates <c>schema_migrations</c> when it does not exist yet.</summary>
    public abstract string CreateMigrationHistoryTable { get; }

    /// <summary>
    /// A statement, run first in a migration's transaction, that holds a store-wide lock until the transaction ends,
    /// so two instances starting together do not both apply a version. Null when transactions already serialise.
    /// </summary>
    public virtual string? MigrationLock => null;

    public static StoreDialect For(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => Sqlite,
        StoreProvider.PostgreSql => PostgreSql,
        StoreProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The dialect of an open store connection, for code handed only a connection (an ingest's AfterRows).</summary>
    public static StoreDialect For(DbConnection connection) => connection switch
    {
        SqliteConnection => Sqlite,
        NpgsqlConnection => PostgreSql,
        SqlConnection => SqlServer,
        _ => throw new ArgumentException($"No store dialect for {connection?.GetType().Name}.", nameof(connection)),
    };

    /// <summary>Opens a connection to the configured store, ready for use.</summary>
    /// <exception cref="StoreUnavailableException">The server cannot be reached or refuses the login.</exception>
    public abstract Task<DbConnection> OpenAsync(StoreOptions options, CancellationToken cancellationToken);

    /// <summary>Quotes an identifier (a code constant).</summary>
    public abstract string Quote(string identifier);

    /// <summary>
    /// One row inserted, or, when a row with the same key exists, its <paramref name="updateColumns"/> (default: every
    /// non-key column) updated. Values are the parameters <c>@column</c>.
    /// </summary>
    public abstract string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns = null);

    /// <summary>One row inserted, returning its generated <paramref name="idColumn"/>. Values are the parameters <c>@column</c>.</summary>
    public abstract string InsertReturning(string table, IReadOnlyList<string> columns, string idColumn);

    /// <summary>
    /// Writes <paramref name="rows"/> into <paramref name="table"/> inside the caller's transaction; with
    /// <paramref name="keyColumns"/>, a row whose key exists replaces the stored one (upsert), and when the same key
    /// comes twice the later row wins. Returns the number of rows written.
    /// </summary>
    public abstract Task<long> BulkWriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        IReadOnlyList<string>? keyColumns,
        CancellationToken cancellationToken);

    protected static IReadOnlyList<string> UpdateColumns(IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? updateColumns) =>
        updateColumns ?? columns.Where(c => !keyColumns.Contains(c, StringComparer.Ordinal)).ToList();

    protected string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    protected static string Parameter(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);
}
