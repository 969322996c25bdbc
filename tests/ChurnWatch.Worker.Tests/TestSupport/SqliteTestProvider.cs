using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The embedded store: a SQLite file in the test's temp folder.</summary>
public sealed class SqliteTestProvider : StoreTestProvider
{
    internal override StoreProvider Provider => StoreProvider.Sqlite;

    public override string? SkipReason => null;

    internal override Task<TestStoreHandle> CreateAsync(TempFolder folder, TimeProvider time) =>
        Task.FromResult(new TestStoreHandle(new StoreDatabase(Options.Create(new StoreOptions { DataFolder = folder.Path }), time), () => Task.CompletedTask));

    internal override async Task<IReadOnlySet<string>> ColumnsAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT lower(m.name || '.' || c.name) FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'")).ToHashSet();

    public override string AddTextColumn(string table, string column) => $"ALTER TABLE {table} ADD COLUMN {column} TEXT";
}
