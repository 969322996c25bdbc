using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store.Migrations;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task MigrateAsync_FreshStore_AppliesEveryVersionAndCreatesTables()
    {
        using var folder = new TempFolder();
        var database = TestStore.Create(folder);
        var expected = MigrationCatalog.For(StoreProvider.Sqlite).Select(m => m.Version).ToList();

        var applied = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(expected, applied);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        foreach (var table in new[] { "accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts",
                     "source_freshness", "feature_snapshots", "models", "scores", "signals", "job_runs", "schema_migrations" })
        {
            Assert.Contains(table, tables);
        }

        Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_CurrentStore_AppliesNothingAndKeepsData()
    {
        using var folder = new TempFolder();
        var database = TestStore.Create(folder);
        await database.MigrateAsync(CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO job_runs (job, started_at, status) VALUES ('ingest', '2026-03-02T06:00:00Z', 'succeeded')");
        }

        var applied = await database.MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        await using var again = await database.OpenAsync(CancellationToken.None);
        Assert.Equal("ingest", await again.ExecuteScalarAsync<string>("SELECT job FROM job_runs"));
    }

    [Fact]
    public async Task MigrateAsync_ExistingStoreAndNewVersion_AppliesOnlyTheNewOneAndKeepsData()
    {
        using var folder = new TempFolder();
        var database = TestStore.Create(folder);
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO accounts VALUES ('A1', 'Acme', 'am@x.test', 'SMB', 'EMEA', '2025-01-01T00:00:00Z', 5)");
        var current = MigrationCatalog.For(StoreProvider.Sqlite);
        var next = new Migration(current.Count + 1, "add_account_note", "ALTER TABLE accounts ADD COLUMN note TEXT");

        var applied = await new MigrationRunner([.. current, next], new FixedTimeProvider(TestStore.Now)).MigrateAsync(connection, CancellationToken.None);

        Assert.Equal([next.Version], applied);
        Assert.Equal("Acme", await connection.ExecuteScalarAsync<string>("SELECT name FROM accounts WHERE note IS NULL"));
    }

    [Fact]
    public async Task MigrateAsync_FailingMigration_LeavesNoPartOfIt()
    {
        using var folder = new TempFolder();
        var database = TestStore.Create(folder);
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var current = MigrationCatalog.For(StoreProvider.Sqlite);
        var broken = new Migration(current.Count + 1, "broken", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        await Assert.ThrowsAnyAsync<Exception>(() => new MigrationRunner([.. current, broken], TimeProvider.System).MigrateAsync(connection, CancellationToken.None));

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
        Assert.Equal(current.Count, await connection.ExecuteScalarAsync<long>("SELECT MAX(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_StoreNewerThanProgram_RefusesWithVersions()
    {
        using var folder = new TempFolder();
        var database = TestStore.Create(folder);
        await database.MigrateAsync(CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.MigrateAsync(CancellationToken.None));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }
}
