using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Ingestion;

/// <summary>
/// Ingestion from a real source database into a real SQLite store. The same tests run against every source provider
/// that can run here: one sealed subclass per provider supplies the source (<typeparamref name="TProvider"/> names the
/// provider, so a missing server skips the tests; Store/StoreIngestionTests varies the store instead).
/// </summary>
public abstract class SourceIngestionTests<TProvider> : IAsyncLifetime, IDisposable
    where TProvider : StoreTestProvider, new()
{
    private readonly TempFolder _folder = new();
    private TestSource _source = null!;
    private StoreDatabase _database = null!;

    protected TempFolder Folder => _folder;

    private protected abstract Task<TestSource> CreateSourceAsync();

    public async Task InitializeAsync()
    {
        if (new TProvider().SkipReason is not null)
        {
            return;
        }

        _source = await CreateSourceAsync();
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

    private SourceIngestion Ingestion(Action<SourceOptions>? configure = null, double maxRejectedShare = 0.05, DateTimeOffset? now = null)
    {
        var options = new SourceOptions { Provider = _source.Provider, ConnectionString = _source.ConnectionString };
        configure?.Invoke(options);
        return new SourceIngestion(Options.Create(options), Options.Create(new ValidationOptions { MaxRejectedShare = maxRejectedShare }), new HistoryStore(_database),
            new FixedTimeProvider(now ?? TestStore.Now));
    }

    private Task<IngestionSummary> IngestAsync(
        bool full = false, Action<SourceOptions>? configure = null, double maxRejectedShare = 0.05, DateTimeOffset? now = null, bool forgetMissing = false) =>
        Ingestion(configure, maxRejectedShare, now).RunAsync(new IngestRequest([], full, forgetMissing), null, CancellationToken.None);

    /// <summary>Every stored row of a table as text, in a stable order: "the store kept what it had" compares these.</summary>
    private async Task<IReadOnlyList<string>> StoredRowsAsync(string table)
    {
        await using var store = await _database.OpenAsync(CancellationToken.None);
        var rows = await store.QueryAsync(new CommandDefinition($"SELECT * FROM {table}"));
        return rows.Select(r => string.Join("|", ((IDictionary<string, object>)r).Select(kv => $"{kv.Key}={kv.Value}"))).Order(StringComparer.Ordinal).ToList();
    }

    private Task<CompanyHistory> LoadAsync() => new HistoryStore(_database).LoadAsync(CancellationToken.None);

    [StoreFact]
    public async Task RunAsync_RequiredEntitiesOnly_LoadsThemAndMarksOptionalOnesAbsent()
    {
        await _source.WithRequiredAsync();

        var summary = await IngestAsync();
        var history = await LoadAsync();

        Assert.Equal(["A1", "A2"], history.Accounts.Select(a => a.AccountId));
        Assert.Equal(new Subscription("S1", "A1", "Team", 450m, "USD", 12, new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), null, new DateOnly(2026, 1, 6), true, 10),
            history.Subscriptions.Single(s => s.SubscriptionId == "S1"));
        Assert.Null(history.Tickets);
        Assert.Null(history.Invoices);
        Assert.Null(history.PaymentAttempts);
        Assert.All(summary.Entities.Where(e => SourceEntityInfo.IsOptional(e.Entity)), e => Assert.False(e.Provided));
        // the newest usage day is 2025-03-10, so the data is complete up to the midnight after it
        Assert.Equal(new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc), history.DataAsOf);
    }

    [StoreFact]
    public async Task RunAsync_Usage_IsAggregatedByTheSourcePerDayAndMondayWeek()
    {
        await _source.WithRequiredAsync();

        await IngestAsync();
        var history = await LoadAsync();

        Assert.Equal(new FeatureUsageDay("A1", "dashboards", new DateOnly(2025, 3, 3), 7, 2),
            history.UsageDays.Single(d => d.AccountId == "A1" && d.Feature == "dashboards"));
        Assert.Equal(
            [new UsageWeek("A1", "*", new DateOnly(2025, 3, 3), 8, 3), new UsageWeek("A1", "*", new DateOnly(2025, 3, 10), 5, 1)],
            history.UsageWeeks.Where(w => w.AccountId == "A1" && w.Feature == UsageWeek.AllFeatures).OrderBy(w => w.WeekStart));
        Assert.Equal(new UsageWeek("A1", "reports", new DateOnly(2025, 3, 3), 1, 1),
            history.UsageWeeks.Single(w => w.AccountId == "A1" && w.Feature == "reports" && w.WeekStart == new DateOnly(2025, 3, 3)));
    }

    [StoreFact]
    public async Task RunAsync_Twice_EndsInTheSameStateAsOnce()
    {
        await _source.WithRequiredAsync();

        await IngestAsync();
        var once = await StoreChecksum.OfDataAsync(_database);
        var second = await IngestAsync();

        Assert.Equal(once, await StoreChecksum.OfDataAsync(_database));
        Assert.NotNull(second.Entities.Single(e => e.Entity == SourceEntity.UsageDaily).Since);
    }

    [StoreFact]
    public async Task RunAsync_Incremental_ReadsOnlyFromTheWatermarkLessTheWindow_AndFullReadsEverything()
    {
        await _source.WithRequiredAsync();
        await IngestAsync();
        // newer than the watermark (2025-03-11): read by the next run
        await _source.ExecuteAsync("INSERT INTO usage_events VALUES ('A1', 'u4', 'alerts', '2025-03-12T08:00:00Z', 3);");
        // within the 7-day re-read window before the watermark: a late arrival, also read
        await _source.ExecuteAsync("INSERT INTO usage_events VALUES ('A1', 'u5', 'alerts', '2025-03-05T08:00:00Z', 1);");
        // long before the window: an incremental run does not see it, a full run does
        await _source.ExecuteAsync("INSERT INTO usage_events VALUES ('A2', 'u9', 'api', '2025-02-10T08:00:00Z', 4);");

        var incremental = await IngestAsync();
        var afterIncremental = await LoadAsync();
        await IngestAsync(full: true);
        var afterFull = await LoadAsync();

        Assert.Equal(new DateTime(2025, 3, 4, 0, 0, 0, DateTimeKind.Utc), incremental.Entities.Single(e => e.Entity == SourceEntity.UsageDaily).Since);
        Assert.Contains(new FeatureUsageDay("A1", "alerts", new DateOnly(2025, 3, 12), 3, 1), afterIncremental.UsageDays);
        Assert.Contains(new FeatureUsageDay("A1", "alerts", new DateOnly(2025, 3, 5), 1, 1), afterIncremental.UsageDays);
        Assert.DoesNotContain(afterIncremental.UsageDays, d => d.Day == new DateOnly(2025, 2, 10));
        Assert.Contains(new FeatureUsageDay("A2", "api", new DateOnly(2025, 2, 10), 4, 1), afterFull.UsageDays);
        // the week of 2025-03-03 was re-read whole: u5 joins u1, u2 and u3
        Assert.Equal(4, afterIncremental.UsageWeeks.Single(w => w.AccountId == "A1" && w.Feature == "*" && w.WeekStart == new DateOnly(2025, 3, 3)).ActiveUsers);
        Assert.Equal(new DateTime(2025, 3, 13, 0, 0, 0, DateTimeKind.Utc), afterIncremental.DataAsOf);
    }

    [StoreFact]
    public async Task RunAsync_LateChangeToAnOpenTicket_IsPickedUp()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(ContractSource.TicketTable +
            "INSERT INTO tickets VALUES ('T1', 'A1', '2025-01-10T09:00:00Z', NULL, 'urgent', 'L2', FALSE, NULL);");
        await IngestAsync();

        await _source.ExecuteAsync("UPDATE tickets SET resolved_at = '2025-03-10T12:00:00Z', csat = 2 WHERE ticket_id = 'T1';");
        await IngestAsync();

        var ticket = Assert.Single((await LoadAsync()).Tickets!);
        Assert.Equal(new DateTime(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc), ticket.ResolvedAt);
        Assert.Equal(2, ticket.Csat);
    }

    [StoreFact]
    public async Task RunAsync_BadRows_AreQuarantinedWithReasons_AndGoodRowsLoad()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(
            """
            INSERT INTO subscriptions VALUES ('S3', 'A9', 'Team', 100, 'USD', 1, '2025-02-01T00:00:00Z', NULL, NULL, FALSE, 5);
            INSERT INTO subscriptions VALUES ('S4', 'A1', 'Team', -5, 'USD', 1, '2025-02-01T00:00:00Z', NULL, NULL, FALSE, 5);
            INSERT INTO subscriptions VALUES ('S5', 'A1', 'Team', 100, 'USD', 1, '2025-04-01T00:00:00Z', '2025-03-01T00:00:00Z', NULL, FALSE, 5);
            INSERT INTO subscriptions VALUES ('S1', 'A1', 'Team', 450, 'USD', 12, '2025-01-06T09:00:00Z', NULL, '2026-01-06', TRUE, 10);
            INSERT INTO usage_events VALUES ('A1', 'u1', 'dashboards', '2030-01-01T00:00:00Z', 1);
            """);

        // Four of six subscriptions are bad: the limit that refuses an entity whole is lifted to see each row's fate.
        var summary = await IngestAsync(maxRejectedShare: 1);

        var subscriptions = summary.Entities.Single(e => e.Entity == SourceEntity.Subscriptions);
        Assert.Equal(2, subscriptions.Accepted); // S1 (its duplicate refused) and S2
        Assert.Equal(4, subscriptions.Rejected);
        var reasons = summary.Quarantined.Where(q => q.Entity == "subscriptions").ToDictionary(q => (q.Column, q.Value), q => q.Reason);
        Assert.Contains("not in accounts", reasons[("account_id", "A9")], StringComparison.Ordinal);
        Assert.Equal("key S3", summary.Quarantined.Single(q => q.Value == "A9").Location);
        Assert.Contains("non-negative", reasons[("mrr", "-5")], StringComparison.Ordinal);
        Assert.Contains("before started_at", reasons.Single(r => r.Key.Column == "ended_at").Value, StringComparison.Ordinal);
        Assert.Contains("duplicate", reasons[(null, "S1")], StringComparison.Ordinal);
        Assert.Contains("in the future", summary.Quarantined.Single(q => q.Entity == "usage_events" && q.Reason.Contains("2030", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        Assert.Equal(["S1", "S2"], (await LoadAsync()).Subscriptions.Select(s => s.SubscriptionId));
        await using var store = await _database.OpenAsync(CancellationToken.None);
        Assert.Equal(summary.Quarantined.Count, await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM quarantine"));
    }

    [StoreFact]
    public async Task RunAsync_EndBeforeItsStart_IsQuarantinedNamingBothColumns()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(ContractSource.TicketTable +
            """
            CREATE TABLE invoices (invoice_id TEXT, account_id TEXT, issued_at {TS}, due_at {TS}, paid_at {TS}, amount {MONEY}, currency TEXT, status TEXT);
            INSERT INTO tickets VALUES ('T1', 'A1', '2025-03-10T09:00:00Z', '2025-03-09T09:00:00Z', 'high', 'L2', FALSE, NULL);
            INSERT INTO tickets VALUES ('T2', 'A1', '2025-03-10T09:00:00Z', '2025-03-10T09:00:00Z', 'high', 'L2', FALSE, NULL);
            INSERT INTO invoices VALUES ('I1', 'A1', '2025-03-01T00:00:00Z', '2025-03-31T00:00:00Z', '2025-02-28T12:00:00Z', 450, 'USD', 'paid');
            INSERT INTO invoices VALUES ('I2', 'A1', '2025-03-01T00:00:00Z', '2025-02-01T00:00:00Z', NULL, 450, 'USD', 'open');
            INSERT INTO invoices VALUES ('I3', 'A1', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z', 450, 'USD', 'paid');
            INSERT INTO subscriptions VALUES ('S6', 'A1', 'Team', 100, 'USD', 12, '2025-02-01T00:00:00Z', NULL, '2025-01-31', TRUE, 5);
            INSERT INTO subscriptions VALUES ('S7', 'A1', 'Team', 100, 'USD', 12, '2025-02-01T10:00:00Z', NULL, '2025-02-01', TRUE, 5);
            """);

        // A third or more of each entity is bad: the limit that refuses an entity whole is lifted to see each row's fate.
        var summary = await IngestAsync(maxRejectedShare: 1);

        Assert.Equal(
            [
                ("subscriptions", "key S6", "renewal_date", "2025-01-31 is before started_at 2025-02-01T00:00:00Z; renewal_date must not be earlier than started_at."),
                ("tickets", "key T1", "resolved_at", "2025-03-09T09:00:00Z is before opened_at 2025-03-10T09:00:00Z; resolved_at must not be earlier than opened_at."),
                ("invoices", "key I1", "paid_at", "2025-02-28T12:00:00Z is before issued_at 2025-03-01T00:00:00Z; paid_at must not be earlier than issued_at."),
                ("invoices", "key I2", "due_at", "2025-02-01T00:00:00Z is before issued_at 2025-03-01T00:00:00Z; due_at must not be earlier than issued_at."),
            ],
            summary.Quarantined.Select(q => (q.Entity, q.Location, q.Column, q.Reason)));
        var history = await LoadAsync();
        Assert.Equal(["T2"], history.Tickets!.Select(t => t.TicketId));
        Assert.Equal(["I3"], history.Invoices!.Select(i => i.InvoiceId));
        Assert.Equal(["S1", "S2", "S7"], history.Subscriptions.Select(s => s.SubscriptionId));
    }

    [StoreFact]
    public async Task RunAsync_CompanyQuery_MapsItsOwnSchemaOntoTheContract()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(
            """
            CREATE TABLE crm_customers (id TEXT, display_name TEXT, csm TEXT, tier TEXT, created {TS});
            INSERT INTO crm_customers VALUES ('A1', 'Acme Corp', 'zoe@vendor.test', 'SMB', '2025-01-06T09:00:00Z');
            INSERT INTO crm_customers VALUES ('A2', 'Globex', 'ben@vendor.test', 'Enterprise', '2025-02-03T09:00:00Z');
            """);

        await IngestAsync(configure: o => o.Queries["accounts"] =
            "SELECT id AS AccountId, display_name AS Name, csm AS OwnerEmail, tier AS Segment, 'unknown' AS Region, created AS CreatedAt, 0 AS SeatsLicensed FROM crm_customers");

        var acme = (await LoadAsync()).Accounts.Single(a => a.AccountId == "A1");
        Assert.Equal(("Acme Corp", "zoe@vendor.test", "unknown"), (acme.Name, acme.OwnerEmail, acme.Region));
    }

    [StoreFact]
    public async Task RunAsync_MissingRequiredTable_SaysWhichTable()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync("DROP TABLE subscriptions;");

        var error = await Assert.ThrowsAsync<SourceDataException>(() => IngestAsync());

        Assert.Contains("'subscriptions'", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task RunAsync_ColumnMissing_NamesTheTableAndColumn()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync("ALTER TABLE accounts DROP COLUMN segment;");

        var summary = await IngestAsync();

        var accounts = summary.Entities.Single(e => e.Entity == SourceEntity.Accounts);
        Assert.True(accounts.Refused);
        Assert.Contains("'accounts'", accounts.Refusal, StringComparison.Ordinal);
        Assert.Contains("segment", accounts.Refusal, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task RunAsync_EntityOverMaxRejectedShare_KeepsWhatTheStoreHad_AndListsTheRefusedRows()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(ContractSource.TicketTable +
            """
            INSERT INTO tickets VALUES ('T1', 'A1', '2025-03-01T10:00:00Z', NULL, 'urgent', 'L1', FALSE, NULL);
            INSERT INTO tickets VALUES ('T2', 'A2', '2025-03-02T10:00:00Z', '2025-03-03T10:00:00Z', 'low', 'L2', FALSE, 4);
            """);
        await IngestAsync();
        var before = await StoredRowsAsync("tickets");

        // A company's own query whose every row is refused (an unknown priority): the mapping is wrong, not the data.
        // A full read replaces the stored copy, so it is the read that would have emptied the table.
        var summary = await IngestAsync(full: true, configure: o => o.Queries["tickets"] =
            "SELECT ticket_id AS TicketId, account_id AS AccountId, opened_at AS OpenedAt, resolved_at AS ResolvedAt, 'P1' AS Priority, tier AS Tier, sla_breached AS SlaBreached, csat AS Csat FROM tickets");

        var tickets = summary.Entities.Single(e => e.Entity == SourceEntity.Tickets);
        Assert.True(tickets.Refused);
        Assert.Contains("2 of 2 rows were refused", tickets.Refusal, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxRejectedShare", tickets.Refusal, StringComparison.Ordinal);
        Assert.Equal(2, before.Count);
        Assert.Equal(before, await StoredRowsAsync("tickets"));
        await using var store = await _database.OpenAsync(CancellationToken.None);
        Assert.Equal(2, await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM quarantine WHERE entity = 'tickets'"));
        Assert.Equal(0, summary.Refused.Count(e => e.Entity != SourceEntity.Tickets));
    }

    [StoreFact]
    public async Task RunAsync_OptionalTableGoneAfterItWasRead_KeepsTheStoredRowsUnlessToldToForget()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(ContractSource.TicketTable +
            "INSERT INTO tickets VALUES ('T1', 'A1', '2025-03-01T10:00:00Z', NULL, 'urgent', 'L1', FALSE, NULL);");
        await IngestAsync();
        await _source.ExecuteAsync("DROP TABLE tickets;");

        var kept = await IngestAsync();

        var tickets = kept.Entities.Single(e => e.Entity == SourceEntity.Tickets);
        Assert.True(tickets.Refused);
        Assert.Contains("no table 'tickets' any more", tickets.Refusal, StringComparison.Ordinal);
        Assert.Contains("--forget-missing", tickets.Refusal, StringComparison.Ordinal);
        Assert.Equal(["T1"], (await LoadAsync()).Tickets!.Select(t => t.TicketId));

        var forgotten = await IngestAsync(forgetMissing: true);

        Assert.False(forgotten.Entities.Single(e => e.Entity == SourceEntity.Tickets).Refused);
        Assert.Null((await LoadAsync()).Tickets);
        Assert.Empty(await StoredRowsAsync("tickets"));
    }

    [StoreFact]
    public async Task RunAsync_ClockBehindStoredAccounts_KeepsAccountsAndSubscriptions()
    {
        await _source.WithRequiredAsync();
        await IngestAsync();
        var accounts = await StoredRowsAsync("accounts");
        var subscriptions = await StoredRowsAsync("subscriptions");

        // A2 was created on 2025-02-03: a clock at mid-January 2025 sees it, and S2, as dated in the future.
        var summary = await IngestAsync(now: new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero));

        var refused = summary.Refused.Select(e => e.Entity).ToList();
        Assert.Contains(SourceEntity.Accounts, refused);
        Assert.Contains(SourceEntity.Subscriptions, refused);
        Assert.Contains("the system clock is behind the source", summary.Refused[0].Refusal, StringComparison.Ordinal);
        Assert.Equal(accounts, await StoredRowsAsync("accounts"));
        Assert.Equal(subscriptions, await StoredRowsAsync("subscriptions"));
    }

    [StoreFact]
    public async Task RunAsync_NewRowDatedInTheFuture_IsQuarantinedWithoutRefusingItsEntity()
    {
        await _source.WithRequiredAsync();
        await IngestAsync();
        // A subscription booked to start next year is a new row, not a stored one: the clock is not in question.
        await _source.ExecuteAsync("INSERT INTO subscriptions VALUES ('S9', 'A1', 'Team', 450, 'USD', 12, '2027-01-01T00:00:00Z', NULL, NULL, TRUE, 10);");

        var summary = await IngestAsync(maxRejectedShare: 0.5);

        var subscriptions = summary.Entities.Single(e => e.Entity == SourceEntity.Subscriptions);
        Assert.False(subscriptions.Refused);
        Assert.Equal(1, subscriptions.Rejected);
        Assert.Equal(["S1", "S2"], (await LoadAsync()).Subscriptions.Select(s => s.SubscriptionId));
    }

    [StoreFact]
    public async Task RunAsync_OneBadValueInAColumn_QuarantinesThatRowAndReadsTheRest()
    {
        await _source.WithRequiredAsync();
        await _source.ExecuteAsync(ContractSource.TicketTable +
            "INSERT INTO tickets VALUES ('T1', 'A1', '2025-03-01T10:00:00Z', NULL, 'urgent', 'L1', FALSE, NULL);");

        // Text where a number belongs, as a company's own query (or a loosely typed SQLite column) can give it.
        var summary = await IngestAsync(maxRejectedShare: 0.5, configure: o => o.Queries["subscriptions"] =
            "SELECT subscription_id AS SubscriptionId, account_id AS AccountId, plan AS Plan, CASE WHEN subscription_id = 'S2' THEN 'lots' ELSE '450.5' END AS Mrr, " +
            "currency AS Currency, billing_period_months AS BillingPeriodMonths, started_at AS StartedAt, ended_at AS EndedAt, renewal_date AS RenewalDate, auto_renew AS AutoRenew, seats AS Seats FROM subscriptions");

        var bad = Assert.Single(summary.Quarantined);
        Assert.Equal(("subscriptions", "key S2", "mrr", "lots"), (bad.Entity, bad.Location, bad.Column, bad.Value));
        Assert.Contains("not a number", bad.Reason, StringComparison.Ordinal);
        var history = await LoadAsync();
        Assert.Equal([("S1", 450.5m)], history.Subscriptions.Select(s => (s.SubscriptionId, s.Mrr)));
        Assert.Equal(["T1"], history.Tickets!.Select(t => t.TicketId));
        Assert.Empty(summary.Refused);
    }
}

public sealed class SqliteSourceIngestionTests : SourceIngestionTests<SqliteTestProvider>
{
    private protected override async Task<TestSource> CreateSourceAsync()
    {
        var path = Folder.File("source.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(); // creates the empty file
        }

        return new SqliteTestSource(path);
    }

    [StoreFact]
    public async Task RunAsync_MissingSourceFile_SaysWhichFileAndCreatesNothing()
    {
        var missing = Folder.File("nowhere.db");
        var database = TestStore.Create(Folder);
        await database.MigrateAsync(CancellationToken.None);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = $"Data Source={missing}" }),
            Options.Create(new ValidationOptions()), new HistoryStore(database), new FixedTimeProvider(TestStore.Now));

        var error = await Assert.ThrowsAsync<SourceDataException>(() => ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None));

        Assert.Contains("nowhere.db", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [StoreFact]
    public async Task RunAsync_SourceFileDamaged_SaysItIsTheSourceAndNamesTheFile()
    {
        // A SQLite header over garbage: a file cut or overwritten after its first bytes.
        var notADatabase = Folder.File("export.db");
        await File.WriteAllBytesAsync(notADatabase, [.. "SQLite format 3\0"u8, .. Enumerable.Repeat((byte)0x5A, 4080)]);
        var database = TestStore.Create(Folder);
        await database.MigrateAsync(CancellationToken.None);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = $"Data Source={notADatabase}" }),
            Options.Create(new ValidationOptions()), new HistoryStore(database), new FixedTimeProvider(TestStore.Now));

        var error = await Assert.ThrowsAsync<SourceDataException>(() => ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None));

        Assert.Contains("The source", error.Message, StringComparison.Ordinal);
        Assert.Contains(notADatabase, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a SQLite database or is damaged", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task RunAsync_TextInANumericColumn_QuarantinesThatRow()
    {
        // SQLite keeps what a row was given: 'lots' in a REAL column stays text, and Dapper's typed read failed the whole table.
        var source = await new SqliteTestSource(Folder.File("loose.db")).WithRequiredAsync();
        await source.ExecuteAsync("UPDATE subscriptions SET mrr = 'lots' WHERE subscription_id = 'S2'; UPDATE subscriptions SET seats = 'ten' WHERE subscription_id = 'S1';");
        var database = TestStore.Create(Folder);
        await database.MigrateAsync(CancellationToken.None);
        var ingestion = new SourceIngestion(Options.Create(new SourceOptions { ConnectionString = source.ConnectionString }),
            Options.Create(new ValidationOptions { MaxRejectedShare = 1 }), new HistoryStore(database), new FixedTimeProvider(TestStore.Now));

        var summary = await ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None);

        Assert.Equal([("subscriptions", "mrr", "lots"), ("subscriptions", "seats", "ten")],
            summary.Quarantined.Select(q => (q.Entity, q.Column, q.Value)).Order().ToArray());
        Assert.Equal(["A1", "A2"], (await new HistoryStore(database).LoadAsync(CancellationToken.None)).Accounts.Select(a => a.AccountId));
        Assert.Empty(summary.Refused);
    }
}

public sealed class PostgreSqlSourceIngestionTests : SourceIngestionTests<PostgreSqlTestProvider>
{
    private protected override async Task<TestSource> CreateSourceAsync() => await PostgreSqlTestSource.CreateAsync();

    [StoreFact]
    public async Task RunAsync_UnreachableServer_NamesHostAndDatabaseButNotThePassword()
    {
        var database = TestStore.Create(Folder);
        await database.MigrateAsync(CancellationToken.None);
        var options = new SourceOptions
        {
            Provider = SourceProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=crm;Username=churnwatch;Password=s3cret-value;Timeout=2",
        };
        var ingestion = new SourceIngestion(Options.Create(options), Options.Create(new ValidationOptions()), new HistoryStore(database), new FixedTimeProvider(TestStore.Now));

        var error = await Assert.ThrowsAsync<SourceDataException>(() => ingestion.RunAsync(IngestRequest.All, null, CancellationToken.None));

        Assert.Contains("'crm' on 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.ToString(), StringComparison.Ordinal);
    }
}
