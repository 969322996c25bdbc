using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A PostgreSQL store: each test creates its own database (cw_test_&lt;guid&gt;) on the server named by
/// <see cref="Variable"/> and drops it afterwards. Nothing is started here: scripts/test.sh starts a throwaway server
/// and sets the variable; without it these tests are skipped, and CI (CI=true) counts a skip as a failure.
/// </summary>
public sealed class PostgreSqlTestProvider : StoreTestProvider
{
    /// <summary>A connection string to a server where the tests may create and drop databases.</summary>
    public const string Variable = PostgresServer.Variable;

    internal override StoreProvider Provider => StoreProvider.PostgreSql;

    public override string? SkipReason => PostgresServer.Configured is null
        ? $"PostgreSQL store tests need {Variable} (a connection string to a server where they may create databases); run scripts/test.sh, which starts one."
        : null;

    internal override async Task<TestStoreHandle> CreateAsync(TempFolder folder, TimeProvider time)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("cw_test");
        var database = new StoreDatabase(Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = connectionString, DataFolder = folder.Path }), time);
        return new TestStoreHandle(database, () => PostgresServer.DropDatabaseAsync(connectionString));
    }

    internal override async Task<IReadOnlySet<string>> ColumnsAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT lower(table_name || '.' || column_name) FROM information_schema.columns WHERE table_schema = current_schema()")).ToHashSet();

    public override string AddTextColumn(string table, string column) => $"ALTER TABLE {table} ADD COLUMN {column} TEXT";
}
