using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteSignalStoreTests : SignalStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlSignalStoreTests : SignalStoreTests<PostgreSqlTestProvider>;

public abstract class SignalStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly Dictionary<string, (string Owner, decimal Arr)> Accounts = new()
    {
        ["A1"] = ("ava@vendor.test", 12_000m),
        ["A2"] = ("ben@vendor.test", 60_000m),
    };

    private static AccountSignal GoneDark(string account, DateOnly asOf, SignalSeverity severity = SignalSeverity.Warning) =>
        new(account, SignalKind.GoneDark, severity, asOf, $"no activity for {asOf.DayNumber - Monday.DayNumber + 14} days");

    [StoreFact]
    public async Task ApplyAsync_SameConditionNextWeek_UpdatesTheLiveSignalInsteadOfOpeningAnother()
    {
        var store = new SignalStore(Database);
        var first = await store.ApplyAsync(Monday, [GoneDark("A1", Monday)], Accounts, CancellationToken.None);

        var second = await store.ApplyAsync(Monday.AddDays(7), [GoneDark("A1", Monday.AddDays(7), SignalSeverity.Critical)], Accounts, CancellationToken.None);

        Assert.Equal(new SignalChanges(1, 0, 0), first);
        Assert.Equal(new SignalChanges(0, 1, 0), second);
        var live = Assert.Single(await store.LiveAsync(CancellationToken.None));
        Assert.Equal(("A1", "GoneDark", "Critical", "no activity for 21 days", 12_000d, "2026-03-02", "2026-03-09", "open"),
            (live.AccountId, live.Kind, live.Severity, live.Evidence, live.ArrAtStake, live.FirstSeen, live.LastSeen, live.State));
    }

    [StoreFact]
    public async Task ApplyAsync_ConditionGoneThenBack_ResolvesThenOpensANewSignal()
    {
        var store = new SignalStore(Database);
        await store.ApplyAsync(Monday, [GoneDark("A1", Monday), GoneDark("A2", Monday)], Accounts, CancellationToken.None);

        var gone = await store.ApplyAsync(Monday.AddDays(7), [GoneDark("A2", Monday.AddDays(7))], Accounts, CancellationToken.None);
        var back = await store.ApplyAsync(Monday.AddDays(14), [GoneDark("A1", Monday.AddDays(14)), GoneDark("A2", Monday.AddDays(14))], Accounts, CancellationToken.None);

        Assert.Equal(new SignalChanges(0, 1, 1), gone);
        Assert.Equal(new SignalChanges(1, 1, 0), back);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var a1 = (await connection.QueryAsync<(string State, string FirstSeen, string? ResolvedAt)>(
            "SELECT state, first_seen, resolved_at FROM signals WHERE account_id = 'A1' ORDER BY signal_id")).ToList();
        Assert.Equal([("resolved", "2026-03-02", "2026-03-09"), ("open", "2026-03-16", null)], a1);
    }

    [StoreFact]
    public async Task ApplyAsync_SameDateTwice_ChangesNoStoredValue()
    {
        var store = new SignalStore(Database);
        await store.ApplyAsync(Monday, [GoneDark("A1", Monday), GoneDark("A2", Monday)], Accounts, CancellationToken.None);
        var once = await StoreChecksum.OfDataAsync(Database, ["signals"]);

        var again = await store.ApplyAsync(Monday, [GoneDark("A1", Monday), GoneDark("A2", Monday)], Accounts, CancellationToken.None);

        Assert.Equal(new SignalChanges(0, 2, 0), again);
        Assert.Equal(once, await StoreChecksum.OfDataAsync(Database, ["signals"]));
    }
}
