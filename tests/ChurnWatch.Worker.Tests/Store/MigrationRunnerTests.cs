using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Store.Migrations;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteMigrationRunnerTests : MigrationRunnerTests<SqliteTestProvider>;

public sealed class PostgreSqlMigrationRunnerTests : MigrationRunnerTests<PostgreSqlTestProvider>;

public abstract class MigrationRunnerTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    /// <summary>The migration that renamed feature_snapshots (model inputs) to predictor_snapshots.</summary>
    private const int PredictorRenameVersion = 12;

    private static readonly string[] StoreTables =
        ["accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts", "source_freshness", "predictor_snapshots",
         "models", "scores", "signals", "signal_events", "job_runs", "quarantine", "csv_imports", "staged_usage_events", "staged_usage_pruned", "report_deliveries", "job_pauses", "job_requests", "job_schedules", "batch_results", "users", "audit_events", "dashboard_keys", "schema_migrations"];

    protected override bool Migrate => false;

    private IReadOnlyList<Migration> Current => MigrationCatalog.For(Provider.Provider);

    [StoreFact]
    public async Task MigrateAsync_FreshStore_AppliesEveryVersionAndCreatesTables()
    {
        var expected = Current.Select(m => m.Version).ToList();

        var applied = await Database.MigrateAsync(CancellationToken.None);

        Assert.Equal(expected, applied);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var tables = (await Provider.ColumnsAsync(connection)).Select(c => c.Split('.')[0]).ToHashSet();
        Assert.Equal(StoreTables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task MigrateAsync_FreshStore_HasTheSameColumnsAsTheSqliteStore()
    {
        await Database.MigrateAsync(CancellationToken.None);
        using var sqliteFolder = new TempFolder();
        await using var sqlite = await new SqliteTestProvider().CreateAsync(sqliteFolder, Time);
        await sqlite.Database.MigrateAsync(CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var sqliteConnection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var columns = await Provider.ColumnsAsync(connection);
        var sqliteColumns = await new SqliteTestProvider().ColumnsAsync(sqliteConnection);

        Assert.Equal(sqliteColumns.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task MigrateAsync_CurrentStore_AppliesNothingAndKeepsData()
    {
        await Database.MigrateAsync(CancellationToken.None);
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO job_runs (job, started_at, status) VALUES ('ingest', '2026-03-02T06:00:00Z', 'succeeded')");
        }

        var applied = await Database.MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        await using var again = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal("ingest", await again.ExecuteScalarAsync<string>("SELECT job FROM job_runs"));
    }

    [StoreFact]
    public async Task MigrateAsync_ExistingStoreAndNewVersion_AppliesOnlyTheNewOneAndKeepsData()
    {
        await Database.MigrateAsync(CancellationToken.None);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO accounts VALUES ('A1', 'Acme', 'am@x.test', 'SMB', 'EMEA', '2025-01-01T00:00:00Z', 5)");
        var next = new Migration(Current[^1].Version + 1, "add_account_note", Provider.AddTextColumn("accounts", "note"));

        var applied = await new MigrationRunner([.. Current, next], Time).MigrateAsync(connection, CancellationToken.None);

        Assert.Equal([next.Version], applied);
        Assert.Equal("Acme", await connection.ExecuteScalarAsync<string>("SELECT name FROM accounts WHERE note IS NULL"));
    }

    [StoreFact]
    public async Task MigrateAsync_StoreFromBeforeThePredictorRename_KeepsItsSnapshotRowsUnderTheNewNames()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var before = Current.Where(m => m.Version < PredictorRenameVersion).ToList();
        await new MigrationRunner(before, Time).MigrateAsync(connection, CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO feature_snapshots (as_of, account_id, features) VALUES ('2026-03-02', 'A1', '{\"wau_4w\":7}'), ('2026-03-02', 'A2', '{}')");

        var applied = await new MigrationRunner(Current, Time).MigrateAsync(connection, CancellationToken.None);

        Assert.Equal([.. Current.Select(m => m.Version).Where(v => v >= PredictorRenameVersion)], applied);
        Assert.Equal(
            [("2026-03-02", "A1", "{\"wau_4w\":7}"), ("2026-03-02", "A2", "{}")],
            (await connection.QueryAsync<(string, string, string)>("SELECT as_of, account_id, predictors FROM predictor_snapshots ORDER BY account_id")).ToList());
        var columns = await Provider.ColumnsAsync(connection);
        Assert.DoesNotContain(columns, c => c.StartsWith("feature_snapshots.", StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task MigrateAsync_FailingMigration_LeavesNoPartOfIt()
    {
        await Database.MigrateAsync(CancellationToken.None);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var broken = new Migration(Current[^1].Version + 1, "broken", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        await Assert.ThrowsAnyAsync<Exception>(() => new MigrationRunner([.. Current, broken], TimeProvider.System).MigrateAsync(connection, CancellationToken.None));

        await using var after = await Database.OpenAsync(CancellationToken.None);
        Assert.DoesNotContain(await Provider.ColumnsAsync(after), c => c.StartsWith("half_done.", StringComparison.Ordinal));
        Assert.Equal(Current[^1].Version, await after.ExecuteScalarAsync<long>("SELECT MAX(version) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task MigrateAsync_TwoInstancesAtOnce_ApplyEachVersionOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Database.MigrateAsync(CancellationToken.None))));

        Assert.Equal(Current.Select(m => m.Version), runs.SelectMany(r => r).Order());
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(Current.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [StoreFact]
    public async Task MigrateAsync_StoreNewerThanProgram_RefusesWithVersions()
    {
        await Database.MigrateAsync(CancellationToken.None);
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.MigrateAsync(CancellationToken.None));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void MigrationCatalog_Provider_MirrorsTheSqliteVersionsAndNames()
    {
        Assert.Equal(
            MigrationCatalog.For(StoreProvider.Sqlite).Select(m => (m.Version, m.Name)),
            Current.Select(m => (m.Version, m.Name)));
        Assert.Equal(Provider.Provider, StoreDialect.For(Provider.Provider).Provider);
    }
}
