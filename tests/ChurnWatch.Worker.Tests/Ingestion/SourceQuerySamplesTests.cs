using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Ingestion;

/// <summary>
/// The company-query examples under samples/source-queries, run as written against a real database of their dialect
/// holding the imagined CRM schema they map, so the documentation cannot drift from what works.
/// </summary>
public abstract class SourceQuerySamplesTests<TProvider> : IAsyncLifetime, IDisposable
    where TProvider : StoreTestProvider, new()
{
    // {S} is the schema prefix: "crm." etc. on PostgreSQL, nothing on SQLite.
    private const string Schema =
        """
        CREATE TABLE {crm}customers (id TEXT, legal_name TEXT, csm_email TEXT, tier TEXT, region TEXT, created {TS}, seats INTEGER, is_test {BOOL});
        CREATE TABLE {billing}contracts (id TEXT, customer_id TEXT, plan_code TEXT, monthly_amount {MONEY}, currency TEXT, term_months INTEGER,
            starts {TS}, cancelled {TS}, renews_on {DATE}, auto_renew {BOOL}, seats INTEGER);
        CREATE TABLE {app}events (customer_id TEXT, user_id TEXT, feature TEXT, at {TS}, count INTEGER);
        CREATE TABLE {helpdesk}tickets (id TEXT, org_id TEXT, created_at {TS}, solved_at {TS}, priority TEXT, escalation_level TEXT, sla_missed {BOOL}, satisfaction INTEGER);
        INSERT INTO {crm}customers VALUES ('C1', 'Acme GmbH', 'ava@vendor.test', 'SMB', 'EMEA', '2025-01-06T09:00:00Z', 12, FALSE);
        INSERT INTO {crm}customers VALUES ('C9', 'Test Account', 'qa@vendor.test', 'SMB', 'EMEA', '2025-01-06T09:00:00Z', 1, TRUE);
        INSERT INTO {billing}contracts VALUES ('K1', 'C1', 'team', 540, 'EUR', 12, '2025-01-06T09:00:00Z', NULL, '2026-01-06', TRUE, 12);
        INSERT INTO {app}events VALUES ('C1', 'u1', 'dashboards', '2025-03-03T10:00:00Z', 2);
        INSERT INTO {app}events VALUES ('C1', 'u2', 'dashboards', '2025-03-04T10:00:00Z', 3);
        INSERT INTO {app}events VALUES ('C1', 'u2', 'exports', '2025-03-10T10:00:00Z', 1);
        INSERT INTO {helpdesk}tickets VALUES ('T1', 'C1', '2025-03-05T08:00:00Z', NULL, 'URGENT', 'L2', TRUE, NULL);
        """;

    private readonly TempFolder _folder = new();
    private TestSource? _source;
    private StoreDatabase _database = null!;

    protected TempFolder Folder => _folder;

    private protected abstract string SampleFile { get; }

    private protected abstract IReadOnlyDictionary<string, string> Schemas { get; }

    private protected abstract Task<TestSource> CreateSourceAsync();

    public async Task InitializeAsync()
    {
        if (new TProvider().SkipReason is not null)
        {
            return;
        }

        _source = await CreateSourceAsync();
        var sql = Schema;
        foreach (var (placeholder, prefix) in Schemas)
        {
            sql = sql.Replace(placeholder, prefix, StringComparison.Ordinal);
        }

        await _source.ExecuteAsync(sql);
        _database = TestStore.Create(_folder);
        await _database.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public async Task Sample_AsWritten_MapsTheCompanySchemaOntoTheContract()
    {
        var options = new SourceOptions();
        new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, "samples", "source-queries", SampleFile)).Build()
            .GetSection(SourceOptions.Section).Bind(options);
        options.ConnectionString = _source!.ConnectionString;

        var summary = await new SourceIngestion(Options.Create(options), Options.Create(new ValidationOptions()), new HistoryStore(_database), new FixedTimeProvider(TestStore.Now))
            .RunAsync(IngestRequest.All, null, CancellationToken.None);
        var history = await new HistoryStore(_database).LoadAsync(CancellationToken.None);

        Assert.Empty(summary.Quarantined);
        Assert.Equal(new Account("C1", "Acme GmbH", "ava@vendor.test", "SMB", "EMEA", new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), 12), Assert.Single(history.Accounts));
        Assert.Equal(new Subscription("K1", "C1", "team", 540m, "EUR", 12, new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), null, new DateOnly(2026, 1, 6), true, 12),
            Assert.Single(history.Subscriptions));
        Assert.Equal([new FeatureUsageDay("C1", "dashboards", new DateOnly(2025, 3, 3), 2, 1), new FeatureUsageDay("C1", "dashboards", new DateOnly(2025, 3, 4), 3, 1), new FeatureUsageDay("C1", "exports", new DateOnly(2025, 3, 10), 1, 1)],
            history.UsageDays.OrderBy(d => d.Day));
        Assert.Equal(2, history.UsageWeeks.Single(w => w.Feature == UsageWeek.AllFeatures && w.WeekStart == new DateOnly(2025, 3, 3)).ActiveUsers);
        var ticket = Assert.Single(history.Tickets!);
        Assert.Equal((TicketPriority.Urgent, SupportTier.L2, true, (int?)null), (ticket.Priority, ticket.Tier, ticket.SlaBreached, ticket.Csat));
        Assert.Null(history.Invoices);
    }
}

public sealed class SqliteSourceQuerySamplesTests : SourceQuerySamplesTests<SqliteTestProvider>
{
    private protected override string SampleFile => "sqlite.appsettings.json";

    private protected override IReadOnlyDictionary<string, string> Schemas { get; } =
        new Dictionary<string, string> { ["{crm}"] = "", ["{billing}"] = "", ["{app}"] = "", ["{helpdesk}"] = "" };

    private protected override Task<TestSource> CreateSourceAsync() => Task.FromResult<TestSource>(new SqliteTestSource(Folder.File("crm.db")));
}

public sealed class PostgreSqlSourceQuerySamplesTests : SourceQuerySamplesTests<PostgreSqlTestProvider>
{
    private protected override string SampleFile => "postgresql.appsettings.json";

    private protected override IReadOnlyDictionary<string, string> Schemas { get; } =
        new Dictionary<string, string> { ["{crm}"] = "crm.", ["{billing}"] = "billing.", ["{app}"] = "app.", ["{helpdesk}"] = "helpdesk." };

    private protected override async Task<TestSource> CreateSourceAsync()
    {
        var source = await PostgreSqlTestSource.CreateAsync();
        await source.ExecuteAsync("CREATE SCHEMA crm; CREATE SCHEMA billing; CREATE SCHEMA app; CREATE SCHEMA helpdesk;");
        return source;
    }
}
