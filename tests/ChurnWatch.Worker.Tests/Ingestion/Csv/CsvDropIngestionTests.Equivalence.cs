using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    [Fact]
    public async Task RunAsync_SameDataAsADatabaseSource_StoresTheSameRowsAndFreshness()
    {
        // TestSupport/ContractSource as CSV drops.
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10
            A2,Globex,ben@vendor.test,Enterprise,NA,2025-02-03T09:00:00Z,50
            """);
        drops.Drop("subscriptions", "subscriptions.csv",
            """
            subscription_id,account_id,plan,mrr,currency,billing_period_months,started_at,ended_at,renewal_date,auto_renew,seats
            S1,A1,Team,450,USD,12,2025-01-06T09:00:00Z,,2026-01-06,true,10
            S2,A2,Business,4000,USD,1,2025-02-03T09:00:00Z,2025-06-01T00:00:00Z,,false,50
            """);
        drops.Drop("usage_events", "usage.csv", UsageCsv);
        await drops.RunAsync();

        using var other = new TempFolder();
        var database = TestStore.Create(other);
        await database.MigrateAsync(CancellationToken.None);
        var source = await new SqliteTestSource(other.File("source.db")).WithRequiredAsync();
        await new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = source.ConnectionString }), Options.Create(new ValidationOptions()),
                new HistoryStore(database), new FixedTimeProvider(TestStore.Now))
            .RunAsync(IngestRequest.All, null, CancellationToken.None);

        // The database ingest also marks the optional entities it did not find as not provided; drops leave them unknown.
        string[] tables = ["accounts", "subscriptions", "usage_daily", "usage_weekly"];
        Assert.Equal(await StoreChecksum.OfDataAsync(database, tables), await StoreChecksum.OfDataAsync(drops.Database, tables));
        var fromDatabase = (await new HistoryStore(database).FreshnessAsync(CancellationToken.None)).Where(f => f.Provided);
        Assert.Equal(fromDatabase, await drops.Store.FreshnessAsync(CancellationToken.None));
    }
}
