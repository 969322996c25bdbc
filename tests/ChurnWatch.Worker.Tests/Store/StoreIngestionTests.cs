using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteStoreIngestionTests : StoreIngestionTests<SqliteTestProvider>;

public sealed class PostgreSqlStoreIngestionTests : StoreIngestionTests<PostgreSqlTestProvider>;

/// <summary>A SQLite source (the contract's sample format) into each store provider; Ingestion/SourceIngestionTests varies the source.</summary>
public abstract class StoreIngestionTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private (HistoryStore Store, SourceIngestion Ingestion, StoreDatabase Database) SetUp(string connectionString)
    {
        var store = new HistoryStore(Database);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = connectionString }), Options.Create(new ValidationOptions()), store, Time);
        return (store, ingestion, Database);
    }

    [StoreFact]
    public async Task RunAsync_RequiredEntitiesOnly_LoadsThemAndMarksOptionalOnesAbsent()
    {
        var (store, ingestion, _) = SetUp((await new SqliteTestSource(Folder.File("source.db")).WithRequiredAsync()).ConnectionString);

        await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);
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
        var (store, ingestion, _) = SetUp((await new SqliteTestSource(Folder.File("source.db")).WithRequiredAsync()).ConnectionString);

        await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);
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
        var (_, ingestion, database) = SetUp((await new SqliteTestSource(Folder.File("source.db")).WithRequiredAsync()).ConnectionString);

        await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);
        var once = await StoreChecksum.OfDataAsync(database);
        await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);

        Assert.Equal(once, await StoreChecksum.OfDataAsync(database));
    }

    [StoreFact]
    public async Task RunAsync_SameSource_StoresTheSameDataAsTheSqliteStore()
    {
        var source = (await new SqliteTestSource(Folder.File("source.db")).WithRequiredAsync()).ConnectionString;
        using var sqliteFolder = new TempFolder();
        await using var sqlite = await new SqliteTestProvider().CreateAsync(sqliteFolder, Time);
        await sqlite.Database.MigrateAsync(CancellationToken.None);
        var (_, ingestion, database) = SetUp(source);

        await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);
        await new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = source }), Options.Create(new ValidationOptions()), new HistoryStore(sqlite.Database), Time)
            .RunAsync(IngestRequest.All, null, CancellationToken.None);

        // Same values, same types as read back, same order: text keys sort in byte order on every provider.
        Assert.Equal(await StoreChecksum.OfDataAsync(sqlite.Database), await StoreChecksum.OfDataAsync(database));
        Assert.Equal(await StoreChecksum.OfDataAsync(sqlite.Database, ["source_freshness"]), await StoreChecksum.OfDataAsync(database, ["source_freshness"]));
    }
}
