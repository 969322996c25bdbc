using System.CommandLine;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class SignalsCommandTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private StoreDatabase Database => new(Options.Create(new StoreOptions { DataFolder = _folder.Path }), TimeProvider.System);

    /// <summary>A store with a live signal on A1 and a resolved one on A2; returns their IDs.</summary>
    private async Task<(long Live, long Resolved)> SeedAsync()
    {
        await Database.MigrateAsync(CancellationToken.None);
        var store = new SignalStore(Database);
        var accounts = new Dictionary<string, (string, decimal)> { ["A1"] = ("ava@vendor.test", 10_000m), ["A2"] = ("ava@vendor.test", 20_000m) };
        await store.ApplyAsync(Monday, [new("A1", SignalKind.GoneDark, SignalSeverity.Warning, Monday, "quiet"), new("A2", SignalKind.Declining, SignalSeverity.Warning, Monday, "down")], accounts, CancellationToken.None);
        await store.ApplyAsync(Monday.AddDays(7), [new("A1", SignalKind.GoneDark, SignalSeverity.Warning, Monday.AddDays(7), "quiet")], accounts, CancellationToken.None);
        var all = await store.ListAsync(null, CancellationToken.None);
        var resolved = await store.ListAsync(SignalStates.Resolved, CancellationToken.None);
        return (all.Single().SignalId, resolved.Single().SignalId);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(SignalsCommand.Create(new Dictionary<string, string?> { ["Store:DataFolder"] = _folder.Path }));
        return CommandRun.InvokeAsync(root, args);
    }

    [Fact]
    public async Task Ack_KnownLiveSignal_AcknowledgesWithReasonAndWho()
    {
        var (live, _) = await SeedAsync();

        var (exitCode, output, _) = await RunAsync("signals", "ack", live.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "called them", "--by", "ava");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("acknowledged by ava: called them", output, StringComparison.Ordinal);
        var stored = await new SignalStore(Database).GetAsync(live, CancellationToken.None);
        Assert.Equal(("acknowledged", "ava", "called them"), (stored!.State, stored.StateBy, stored.StateReason));
        // The audit trail names who ran the command, from the command line, and whom it was done for.
        var audited = Assert.Single(await new AuditStore(Database, TimeProvider.System).ListAsync(null, 10, CancellationToken.None));
        Assert.Equal((Environment.UserName, AuditActions.SignalAcknowledged, $"signal {live}", AuditSources.CommandLine, "by ava: called them"),
            (audited.Actor, audited.Action, audited.Target, audited.Source, audited.Detail));
    }

    [Fact]
    public async Task Snooze_FutureDate_SnoozesUntilIt()
    {
        var (live, _) = await SeedAsync();

        var (exitCode, _, _) = await RunAsync("signals", "snooze", $"{live}", "--until", "2999-01-31", "--reason", "budget in January");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var stored = await new SignalStore(Database).GetAsync(live, CancellationToken.None);
        Assert.Equal(("snoozed", "2999-01-31"), (stored!.State, stored.SnoozedUntil));
        var audited = Assert.Single(await new AuditStore(Database, TimeProvider.System).ListAsync(null, 10, CancellationToken.None));
        Assert.Equal((AuditActions.SignalSnoozed, $"signal {live}", $"until 2999-01-31 by {Environment.UserName}: budget in January"), (audited.Action, audited.Target, audited.Detail));
    }

    [Fact]
    public async Task Reopen_SnoozedSignal_OpenAgainWithWhoAndWhyInItsHistoryAndTheAuditTrail()
    {
        var (live, _) = await SeedAsync();
        await RunAsync("signals", "snooze", $"{live}", "--until", "2999-01-31", "--reason", "budget in January");

        var (exitCode, output, _) = await RunAsync("signals", "reopen", $"{live}", "--reason", "they called back", "--by", "ava");
        var (again, _, error) = await RunAsync("signals", "reopen", $"{live}", "--reason", "twice");

        Assert.Equal((ExitCodes.Ok, ExitCodes.BadArguments), (exitCode, again));
        Assert.Contains("reopened by ava: they called back", output, StringComparison.Ordinal);
        Assert.Contains("is open: only an acknowledged or snoozed signal can be reopened; nothing changed.", error, StringComparison.Ordinal);
        var store = new SignalStore(Database);
        var stored = await store.GetAsync(live, CancellationToken.None);
        Assert.Equal(("open", null, "ava", "they called back"), (stored!.State, stored.SnoozedUntil, stored.StateBy, stored.StateReason));
        var audited = await new AuditStore(Database, TimeProvider.System).ListAsync(null, 10, CancellationToken.None);
        Assert.Equal(2, audited.Count);
        Assert.Contains(audited, a => (a.Action, a.Target, a.Source, a.Detail) == (AuditActions.SignalReopened, $"signal {live}", AuditSources.CommandLine, "by ava: they called back"));
    }

    [Fact]
    public async Task Ack_UnknownId_ExitsWithBadArgumentsNamingTheId()
    {
        await SeedAsync();

        var (exitCode, _, error) = await RunAsync("signals", "ack", "999", "--reason", "x");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.StartsWith("No signal has ID 999.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_ResolvedSignal_ExitsWithBadArgumentsSayingWhen()
    {
        var (_, resolved) = await SeedAsync();

        var (exitCode, _, error) = await RunAsync("signals", "ack", $"{resolved}", "--reason", "x");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("(Declining usage on A2) was resolved on 2026-03-09", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-01-01", "--until: 2020-01-01 is not in the future")]
    [InlineData("31/12/2999", "--until: '31/12/2999' is not a date; write it as YYYY-MM-DD")]
    public async Task Snooze_PastOrMalformedDate_ExitsWithBadArgumentsAndChangesNothing(string until, string message)
    {
        var (live, _) = await SeedAsync();

        var (exitCode, _, error) = await RunAsync("signals", "snooze", $"{live}", "--until", until, "--reason", "later");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Equal("open", (await new SignalStore(Database).GetAsync(live, CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("ack")]
    [InlineData("snooze")]
    public async Task StateChange_BlankReason_ExitsWithBadArguments(string command)
    {
        var (live, _) = await SeedAsync();
        string[] args = command == "ack" ? ["signals", "ack", $"{live}", "--reason", "  "] : ["signals", "snooze", $"{live}", "--until", "2999-01-01", "--reason", ""];

        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.StartsWith("--reason is empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kind", "Churny", "--kind: 'Churny' is not a signal kind")]
    [InlineData("--state", "closed", "--state: 'closed' is not a state")]
    public async Task List_UnknownKindOrState_ExitsWithBadArgumentsListingTheChoices(string option, string value, string message)
    {
        var (exitCode, _, error) = await RunAsync("signals", "list", option, value);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Tsv_OneLinePerLiveSignalOfTheOwner()
    {
        var (live, _) = await SeedAsync();

        var (exitCode, output, _) = await RunAsync("signals", "list", "--owner", "AVA@vendor.test", "--tsv");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(
            [
                "id\taccount\towner\tkind\tseverity\tarr_at_stake\tstate\tfirst_seen\tlast_seen\tin_report\tevidence",
                $"{live}\tA1\tava@vendor.test\tGoneDark\tWarning\t10000.00\topen\t2026-03-02\t2026-03-09\tyes\tquiet",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
