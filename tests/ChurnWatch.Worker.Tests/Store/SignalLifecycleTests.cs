using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteSignalLifecycleTests : SignalLifecycleTests<SqliteTestProvider>;

public sealed class PostgreSqlSignalLifecycleTests : SignalLifecycleTests<PostgreSqlTestProvider>;

/// <summary>Acknowledge, snooze, reopen, the weekly cap and the history, on each store provider.</summary>
public abstract class SignalLifecycleTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTime Now = new(2026, 3, 3, 9, 30, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, (string Owner, decimal Arr)> Accounts = new()
    {
        ["A1"] = ("ava@vendor.test", 12_000m),
        ["A2"] = ("ava@vendor.test", 60_000m),
        ["A3"] = ("ava@vendor.test", 30_000m),
        ["B1"] = ("ben@vendor.test", 5_000m),
    };

    private static AccountSignal Signal(string account, DateOnly asOf, SignalSeverity severity = SignalSeverity.Warning, SignalKind kind = SignalKind.GoneDark) =>
        new(account, kind, severity, asOf, $"{kind} on {account} as of {asOf:yyyy-MM-dd}");

    private SignalStore Store => new(Database);

    private async Task<StoredSignal> OnlyAsync(string account)
    {
        var all = await Store.ListAsync(null, CancellationToken.None);
        return all.Single(s => s.AccountId == account);
    }

    [StoreFact]
    public async Task SetStateAsync_WhenTheWriteAlongsideFails_ChangesNothing()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        var history = await Store.HistoryAsync(id, CancellationToken.None);

        // The audit event cannot be written (the store refused it, say): the acknowledgement must not stand without it.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SetStateAsync(
            id, null, "called the champion", "ava", Now, (_, _) => throw new InvalidOperationException("audit write failed"), CancellationToken.None));

        var stored = await OnlyAsync("A1");
        Assert.Equal("audit write failed", failure.Message);
        Assert.Equal(("open", null, null), (stored.State, stored.StateBy, stored.StateReason));
        Assert.Equal(history.Count, (await Store.HistoryAsync(id, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task ReopenAsync_WithItsAuditEvent_StoresBoth()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        await Store.SetStateAsync(id, null, "called the champion", "ava", Now, CancellationToken.None);
        var audit = new AuditStore(Database, new FixedTimeProvider(new DateTimeOffset(Now)));

        var reopened = await Store.ReopenAsync(id, "new champion", "ava", Now.AddHours(1),
            (transaction, token) => audit.RecordAsync(transaction, "ava", AuditActions.SignalReopened, $"signal {id}", "cli", "new champion", token), CancellationToken.None);

        Assert.True(reopened);
        Assert.Equal("open", (await OnlyAsync("A1")).State);
        var recorded = Assert.Single(await audit.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(("ava", AuditActions.SignalReopened, $"signal {id}", "new champion"), (recorded.Actor, recorded.Action, recorded.Target, recorded.Detail));
    }

    [StoreFact]
    public async Task SetStateAsync_Acknowledged_LeavesTheReportAndStaysWhileSeverityHolds()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;

        Assert.True(await Store.SetStateAsync(id, null, "called the champion", "ava", Now, CancellationToken.None));
        var next = await Store.ApplyAsync(Monday.AddDays(7), [Signal("A1", Monday.AddDays(7))], Accounts, CancellationToken.None);

        var stored = await OnlyAsync("A1");
        Assert.Equal(0, next.Reopened);
        Assert.Equal(("acknowledged", "ava", "called the champion", false), (stored.State, stored.StateBy, stored.StateReason, stored.InReport));
    }

    [StoreFact]
    public async Task ApplyAsync_SeverityRisesAboveTheAcknowledgedOne_ReopensIntoTheReport()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        await Store.SetStateAsync(id, null, "known", "ava", Now, CancellationToken.None);

        var next = await Store.ApplyAsync(Monday.AddDays(7), [Signal("A1", Monday.AddDays(7), SignalSeverity.Critical)], Accounts, CancellationToken.None);

        var stored = await OnlyAsync("A1");
        Assert.Equal(1, next.Reopened);
        Assert.Equal(("open", "severity rose from Warning to Critical", true), (stored.State, stored.StateReason, stored.InReport));
    }

    [StoreFact]
    public async Task ApplyAsync_Snoozed_StaysAsideUntilTheDateThenReturns()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        await Store.SetStateAsync(id, Monday.AddDays(14), "renewal call on the 16th", "ava", Now, CancellationToken.None);

        await Store.ApplyAsync(Monday.AddDays(7), [Signal("A1", Monday.AddDays(7))], Accounts, CancellationToken.None);
        var during = await OnlyAsync("A1");
        var after = await Store.ApplyAsync(Monday.AddDays(14), [Signal("A1", Monday.AddDays(14))], Accounts, CancellationToken.None);

        Assert.Equal(("snoozed", "2026-03-16"), (during.State, during.SnoozedUntil));
        Assert.Equal(1, after.Reopened);
        var stored = await OnlyAsync("A1");
        Assert.Equal(("open", null, "snooze ended on 2026-03-16"), (stored.State, stored.SnoozedUntil, stored.StateReason));
    }

    [StoreFact]
    public async Task SetStateAsync_ResolvedSignal_ChangesNothing()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        await Store.ApplyAsync(Monday.AddDays(7), [], Accounts, CancellationToken.None);

        Assert.False(await Store.SetStateAsync(id, null, "too late", "ava", Now, CancellationToken.None));
        var stored = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(("resolved", "2026-03-09"), (stored!.State, stored.ResolvedAt));
    }

    [StoreFact]
    public async Task ApplyAsync_WeeklyCap_ReportsHighestSeverityTimesArrFirstAndHoldsTheRestBack()
    {
        // Weights: A1 Critical 3 x 12,000 = 36,000; A2 Info 1 x 60,000 = 60,000; A3 Warning 2 x 30,000 = 60,000 (tie: A2 first by account).
        AccountSignal[] found =
        [
            Signal("A1", Monday, SignalSeverity.Critical), Signal("A2", Monday, SignalSeverity.Info, SignalKind.StrongGrowth),
            Signal("A3", Monday), Signal("B1", Monday),
        ];

        var first = await Store.ApplyAsync(Monday, found, Accounts, CancellationToken.None, weeklyCap: 2);

        Assert.Equal(1, first.HeldBack);
        Assert.Equal(["A2", "A3", "B1"], (await Store.ListAsync("open", CancellationToken.None)).Where(s => s.InReport).Select(s => s.AccountId));
        Assert.Equal(1, (await Store.HeldBackAsync(CancellationToken.None))["ava@vendor.test"]);

        var second = await Store.ApplyAsync(Monday.AddDays(7), found.Select(s => s with { AsOf = Monday.AddDays(7) }).ToList(), Accounts, CancellationToken.None, weeklyCap: 2);

        Assert.Equal(0, second.HeldBack);
        Assert.Equal("2026-03-09", (await OnlyAsync("A1")).ReportedOn);
        Assert.Empty(await Store.HeldBackAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task ApplyAsync_SameDateTwiceWithACap_DoesNotReportMoreThanTheCap()
    {
        AccountSignal[] found = [Signal("A1", Monday), Signal("A2", Monday), Signal("A3", Monday)];
        await Store.ApplyAsync(Monday, found, Accounts, CancellationToken.None, weeklyCap: 2);

        var again = await Store.ApplyAsync(Monday, found, Accounts, CancellationToken.None, weeklyCap: 2);

        Assert.Equal(1, again.HeldBack);
        Assert.Equal(2, (await Store.LiveAsync(CancellationToken.None)).Count(s => s.InReport));
    }

    [StoreFact]
    public async Task HistoryAsync_KeepsOpenedChangedReportedAcknowledgedReopenedAndResolved()
    {
        await Store.ApplyAsync(Monday, [Signal("A1", Monday)], Accounts, CancellationToken.None);
        var id = (await OnlyAsync("A1")).SignalId;
        await Store.SetStateAsync(id, null, "on it", "ava", Now, CancellationToken.None);
        await Store.ApplyAsync(Monday.AddDays(7), [Signal("A1", Monday.AddDays(7), SignalSeverity.Critical)], Accounts, CancellationToken.None);
        await Store.ApplyAsync(Monday.AddDays(14), [], Accounts, CancellationToken.None);

        var history = await Store.HistoryAsync(id, CancellationToken.None);

        Assert.Equal(
            [
                ("2026-03-02", "opened", "Warning", (string?)null),
                ("2026-03-02", "reported", "Warning", null),
                ("2026-03-03T09:30:00Z", "acknowledged", "Warning", "ava"),
                ("2026-03-09", "changed", "Critical", null),
                ("2026-03-09", "reopened", "Critical", null),
                ("2026-03-16", "resolved", "Critical", null),
            ],
            history.Select(e => (e.HappenedAt, e.Event, e.Severity, e.Actor)));
    }
}
