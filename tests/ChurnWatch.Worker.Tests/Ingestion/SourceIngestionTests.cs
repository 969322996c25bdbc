using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Ingestion;

public sealed class SqliteSourceIngestionTests : SourceIngestionTests<SqliteTestProvider>;

public sealed class PostgreSqlSourceIngestionTests : SourceIngestionTests<PostgreSqlTestProvider>;

/// <summary>A SQLite source (the contract's sample format) into each store provider.</summary>
public abstract class SourceIngestionTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private (HistoryStore Store, SourceIngestion Ingestion, StoreDatabase Database) SetUp(string connectionString)
    {
        var store = new HistoryStore(Database);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = connectionString }), store, Time);
        return (store, ingestion, Database);
    }

    [StoreFact]
    public async Task RunAsync_RequiredEntitiesOnly_LoadsThemAndMarksOptionalOnesAbsent()
    {
        var (store, ingestion, _) = SetUp(await MinimalSource.CreateAsync(Folder.File("source.db")));

        await ingestion.RunAsync(null, CancellationToken.None);
        var history = await store.LoadAsync(CancellationToken.None);

        Assert.Equal(["A1", "A2"], history.Accounts.Select(a => a.AccountId));
        Assert.Equal(2, history.Subscriptions.Count);
        Assert.Null(history.Tickets);
        Assert.Null(history.Invoices);
        Assert.Null(history.PaymentAttempts);
        // the newest usage day is 2025-03-10, so the data is complete up to the midnight after it
        Assert.Equal(new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc), history.DataAsOf);
    }

    [StoreFact]
    public async Task RunAsync_Usage_IsAggregatedPerDayAndMondayWeek()
    {
        var (store, ingestion, _) = SetUp(await MinimalSource.CreateAsync(Folder.File("source.db")));

        await ingestion.RunAsync(null, CancellationToken.None);
        var history = await store.LoadAsync(CancellationToken.None);

        var march3 = history.UsageDays.Single(d => d.AccountId == "A1" && d.Feature == "dashboards");
        Assert.Equal(new FeatureUsageDay("A1", "dashboards", new DateOnly(2025, 3, 3), 7, 2), march3);
        var a1Weeks = history.UsageWeeks.Where(w => w.AccountId == "A1" && w.Feature == UsageWeek.AllFeatures).OrderBy(w => w.WeekStart).ToList();
        Assert.Equal(
            [new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 8, 3), new UsageWeek("A1", "*", new DateOnly(2025, 3, 10), 5, 1)],
            a1Weeks);
        Assert.Equal(new UsageWeek("A1", "reports", new DateOnly(2025, 3, 3), 1, 1),
            history.UsageWeeks.Single(w => w.AccountId == "A1" && w.Feature == "reports" && w.WeekStart == new DateOnly(2025, 3, 3)));
    }

    [StoreFact]
    public async Task RunAsync_Twice_EndsInTheSameStateAsOnce()
    {
        var (_, ingestion, database) = SetUp(await MinimalSource.CreateAsync(Folder.File("source.db")));

        await ingestion.RunAsync(null, CancellationToken.None);
        var once = await StoreChecksum.OfDataAsync(database);
        await ingestion.RunAsync(null, CancellationToken.None);

        Assert.Equal(once, await StoreChecksum.OfDataAsync(database));
    }

    [StoreFact]
    public async Task RunAsync_SameSource_StoresTheSameDataAsTheSqliteStore()
    {
        var source = await MinimalSource.CreateAsync(Folder.File("source.db"));
        using var sqliteFolder = new TempFolder();
        await using var sqlite = await new SqliteTestProvider().CreateAsync(sqliteFolder, Time);
        await sqlite.Database.MigrateAsync(CancellationToken.None);
        var (_, ingestion, database) = SetUp(source);

        await ingestion.RunAsync(null, CancellationToken.None);
        await new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = source }), new HistoryStore(sqlite.Database), Time).RunAsync(null, CancellationToken.None);

        // Same values, same types as read back, same order: text keys sort in byte order on every provider.
        Assert.Equal(await StoreChecksum.OfDataAsync(sqlite.Database), await StoreChecksum.OfDataAsync(database));
        Assert.Equal(await StoreChecksum.OfDataAsync(sqlite.Database, ["source_freshness"]), await StoreChecksum.OfDataAsync(database, ["source_freshness"]));
    }

    [StoreFact]
    public async Task RunAsync_MissingRequiredTable_SaysWhichTable()
    {
        var source = await MinimalSource.CreateAsync(Folder.File("source.db"), c => c.ExecuteAsync("DROP TABLE subscriptions"));
        var (_, ingestion, _) = SetUp(source);

        var error = await Assert.ThrowsAsync<SourceDataException>(() => ingestion.RunAsync(null, CancellationToken.None));

        Assert.Contains("'subscriptions'", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task RunAsync_BadTimestamp_NamesRowColumnAndValue_AndKeepsEarlierData()
    {
        var good = await MinimalSource.CreateAsync(Folder.File("good.db"));
        var (store, ingestion, database) = SetUp(good);
        await ingestion.RunAsync(null, CancellationToken.None);
        var before = await StoreChecksum.OfDataAsync(database);
        var bad = await MinimalSource.CreateAsync(Folder.File("bad.db"),
            c => c.ExecuteAsync("UPDATE subscriptions SET started_at = 'last tuesday' WHERE subscription_id = 'S2'"));
        var badIngestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = bad }), store, new FixedTimeProvider(TestStore.Now));

        var error = await Assert.ThrowsAsync<SourceDataException>(() => badIngestion.RunAsync(null, CancellationToken.None));

        Assert.Contains("subscriptions row 'S2', column started_at", error.Message, StringComparison.Ordinal);
        Assert.Contains("'last tuesday'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreChecksum.OfDataAsync(database));
    }

    [StoreFact]
    public async Task RunAsync_MissingSourceFile_SaysWhichFile()
    {
        var (_, ingestion, _) = SetUp($"Data Source={Folder.File("nowhere.db")}");

        var error = await Assert.ThrowsAsync<SourceDataException>(() => ingestion.RunAsync(null, CancellationToken.None));

        Assert.Contains("nowhere.db", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Folder.File("nowhere.db")));
    }
}
