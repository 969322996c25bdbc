using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteHistoryStoreTests : HistoryStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlHistoryStoreTests : HistoryStoreTests<PostgreSqlTestProvider>;

public abstract class HistoryStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateTime Now = TestStore.Now.UtcDateTime;

    private static Account Account(string id, string name) => new(id, name, "am@vendor.test", "SMB", "EMEA", new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), 10);

    private static EntityWrite<Account> Accounts(WriteMode mode, params Account[] rows) =>
        new("accounts", HistoryColumns.Accounts, HistoryColumns.KeyOf("accounts"), rows, mode,
            (count, _, _, _) => Task.FromResult<SourceFreshness?>(new SourceFreshness("accounts", true, count, Now, Now)));

    private async Task<List<(string Id, string Name)>> StoredAccountsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string)>("SELECT account_id, name FROM accounts ORDER BY account_id")).ToList();
    }

    [StoreFact]
    public async Task WriteAsync_Replace_ReplacesEveryStoredRowAndRecordsFreshness()
    {
        var store = new HistoryStore(Database);
        await store.WriteAsync(Accounts(WriteMode.Replace, Account("A1", "Acme"), Account("A2", "Globex")), CancellationToken.None);

        var written = await store.WriteAsync(Accounts(WriteMode.Replace, Account("A3", "Initech")), CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal([("A3", "Initech")], await StoredAccountsAsync());
        Assert.Equal(new SourceFreshness("accounts", true, 1, Now, Now), Assert.Single(await store.FreshnessAsync(CancellationToken.None)));
    }

    [StoreFact]
    public async Task WriteAsync_Upsert_ReplacesRowsWithTheSameKeyKeepsOthersAndTheLaterDuplicateWins()
    {
        var store = new HistoryStore(Database);
        await store.WriteAsync(Accounts(WriteMode.Replace, Account("A1", "Acme"), Account("A2", "Globex")), CancellationToken.None);

        var written = await store.WriteAsync(Accounts(WriteMode.Upsert, Account("A2", "Globex Corp"), Account("A3", "Initech"), Account("A3", "Initech Ltd")), CancellationToken.None);

        Assert.Equal(3, written);
        Assert.Equal([("A1", "Acme"), ("A2", "Globex Corp"), ("A3", "Initech Ltd")], await StoredAccountsAsync());
    }

    [StoreFact]
    public async Task WriteAsync_UpsertOfManyRows_SpansStatementBatchesAndKeepsEveryKeyOnce()
    {
        var store = new HistoryStore(Database);
        var day = new DateOnly(2025, 3, 3);
        // 5,000 rows are more than one statement's worth on either server; each key comes twice, the second with 2 events.
        var rows = Enumerable.Range(0, 2_500).SelectMany(i => new[]
        {
            new FeatureUsageDay($"A{i / 50}", $"f{i % 50}", day.AddDays(i % 7), 1, 1),
            new FeatureUsageDay($"A{i / 50}", $"f{i % 50}", day.AddDays(i % 7), 2, 1),
        }).ToList();

        var written = await store.WriteAsync(
            new EntityWrite<FeatureUsageDay>("usage_daily", HistoryColumns.UsageDaily, HistoryColumns.KeyOf("usage_daily"), rows, WriteMode.Upsert,
                (count, _, _, _) => Task.FromResult<SourceFreshness?>(new SourceFreshness("usage_daily", true, count, Now, Now))),
            CancellationToken.None);

        Assert.Equal(5_000, written);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal((2_500L, 5_000L), await connection.QuerySingleAsync<(long, long)>("SELECT COUNT(*), SUM(events) FROM usage_daily"));
    }

    [StoreFact]
    public async Task WriteAsync_AfterRowsFails_LeavesThePreviousRowsAndFreshness()
    {
        var store = new HistoryStore(Database);
        await store.WriteAsync(Accounts(WriteMode.Replace, Account("A1", "Acme")), CancellationToken.None);
        var before = await StoreChecksum.OfDataAsync(Database);
        var failing = Accounts(WriteMode.Replace, Account("A9", "Umbrella")) with
        {
            AfterRows = (_, _, _, _) => throw new InvalidOperationException("disk full"),
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(failing, CancellationToken.None));

        Assert.Equal(before, await StoreChecksum.OfDataAsync(Database));
        Assert.Equal(1, Assert.Single(await store.FreshnessAsync(CancellationToken.None)).RowCount);
    }

    [StoreFact]
    public async Task WriteAsync_QuarantineInAfterRows_CommitsWithTheRows()
    {
        var store = new HistoryStore(Database);
        var write = Accounts(WriteMode.Replace, Account("A1", "Acme")) with
        {
            AfterRows = async (count, connection, transaction, cancellationToken) =>
            {
                await QuarantineStore.WriteAsync(connection, transaction, Now, [new QuarantinedRow("accounts", "accounts.csv", "accounts.csv:3", "seats_licensed", "many", "a whole number")], cancellationToken);
                return new SourceFreshness("accounts", true, count, Now, Now);
            },
        };

        await store.WriteAsync(write, CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            ("2026-03-02T06:00:00Z", "accounts.csv:3", "many"),
            await connection.QuerySingleAsync<(string, string, string)>("SELECT run_started_at, location, value FROM quarantine"));
    }

    [StoreFact]
    public async Task WriteAsync_TextWithTabsNewlinesBackslashesAndEmoji_ComesBackUnchanged()
    {
        var store = new HistoryStore(Database);
        const string Name = "Tab\there, line\nbreak, CR\r, back\\slash \\N, Zürich 🚀, 'quote' \"double\"";

        await store.WriteAsync(Accounts(WriteMode.Replace, Account("A1", Name), Account("A2", "")), CancellationToken.None);

        Assert.Equal([("A1", Name), ("A2", "")], await StoredAccountsAsync());
    }

    [StoreFact]
    public async Task MarkNotProvidedAsync_EntityWithRows_RemovesThemAndRecordsNotProvided()
    {
        var store = new HistoryStore(Database);
        await store.WriteAsync(Accounts(WriteMode.Replace, Account("A1", "Acme")), CancellationToken.None);

        await store.MarkNotProvidedAsync("accounts", Now, CancellationToken.None);

        Assert.Empty(await StoredAccountsAsync());
        Assert.Equal(new SourceFreshness("accounts", false, 0, null, Now), Assert.Single(await store.FreshnessAsync(CancellationToken.None)));
    }
}
