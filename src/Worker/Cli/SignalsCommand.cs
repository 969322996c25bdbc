using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch signals list | show | ack | snooze | evaluate</c>: what account managers act on, and how they put a
/// signal aside. Mistakes (an unknown ID, a past date, an empty reason) are refused with exit code 2 before anything changes.
/// </summary>
internal static class SignalsCommand
{
    /// <param name="overrides">Settings that win over appsettings.json and the environment (tests point the store elsewhere).</param>
    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var command = new Command("signals", "List, show, acknowledge and snooze the signals for account managers, and evaluate them against what happened.");
        command.Subcommands.Add(List(overrides));
        command.Subcommands.Add(Show(overrides));
        command.Subcommands.Add(Acknowledge(overrides));
        command.Subcommands.Add(Snooze(overrides));
        command.Subcommands.Add(Reopen(overrides));
        command.Subcommands.Add(SignalsEvaluateCommand.Create(overrides));
        return command;
    }

    private static Command List(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var owner = new Option<string?>("--owner") { Description = "Only this account manager's signals (e-mail, any case)." };
        var kind = new Option<string?>("--kind") { Description = $"Only this kind: {string.Join(", ", Enum.GetNames<SignalKind>())}." };
        var state = new Option<string?>("--state") { Description = $"Only this state: {string.Join(", ", SignalStates.All)}. Default: every live signal (all but resolved)." };
        var tsv = new Option<bool>("--tsv") { Description = "Tab-separated lines for scripts (id, account, owner, kind, severity, arr_at_stake, state, first_seen, last_seen, in_report, evidence) instead of a table." };
        var command = new Command("list", "The signals in the store with their ID, account, owner, kind, severity, ARR at stake, state and evidence; highest severity x ARR first.")
        {
            owner, kind, state, tsv,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var kindName = parse.GetValue(kind);
            var wantedKind = SignalKinds.Parse(kindName);
            if (kindName is not null && wantedKind is null)
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--kind: '{kindName}' is not a signal kind; expected one of {string.Join(", ", Enum.GetNames<SignalKind>())}."));
            }

            var stateName = parse.GetValue(state)?.ToLowerInvariant();
            if (stateName is not null && !SignalStates.All.Contains(stateName))
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--state: '{parse.GetValue(state)}' is not a state; expected one of {string.Join(", ", SignalStates.All)}."));
            }

            var ownerEmail = parse.GetValue(owner);
            var asTsv = parse.GetValue(tsv);
            return CommandHost.RunAsync(async (services, ct) =>
            {
                var store = await StoreAsync(services, ct).ConfigureAwait(false);
                var rows = (await store.ListAsync(stateName, ct).ConfigureAwait(false))
                    .Where(s => ownerEmail is null || string.Equals(s.OwnerEmail, ownerEmail, StringComparison.OrdinalIgnoreCase))
                    .Where(s => wantedKind is null || s.Kind == wantedKind.ToString())
                    .OrderByDescending(s => SignalKinds.Weight(Severity(s)) * s.ArrAtStake)
                    .ThenBy(s => s.SignalId)
                    .ToList();
                if (asTsv)
                {
                    WriteTsv(Console.Out, rows);
                }
                else
                {
                    Print(rows);
                }

                return ExitCodes.Ok;
            }, overrides, cancellationToken);
        });
        return command;
    }

    private static Command Show(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var id = new Argument<long>("ID") { Description = "The signal's ID, as 'churnwatch signals list' shows it." };
        var command = new Command("show", "One signal and its history: when it opened, changed, entered a report, was acknowledged, snoozed, reopened and resolved.") { id };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(async (services, ct) =>
        {
            var store = await StoreAsync(services, ct).ConfigureAwait(false);
            var signalId = parse.GetValue(id);
            if (await store.GetAsync(signalId, ct).ConfigureAwait(false) is not { } signal)
            {
                return UnknownId(signalId);
            }

            Print([signal]);
            var history = new Table().Title("History").AddColumns("When", "Event", "Severity", "Who", "Why", "Evidence");
            foreach (var e in await store.HistoryAsync(signalId, ct).ConfigureAwait(false))
            {
                history.AddRow(Markup.Escape(e.HappenedAt), Markup.Escape(e.Event), Markup.Escape(e.Severity), Markup.Escape(e.Actor ?? ""), Markup.Escape(e.Reason ?? ""), Markup.Escape(e.Evidence));
            }

            AnsiConsole.Write(history);
            return ExitCodes.Ok;
        }, overrides, cancellationToken));
        return command;
    }

    private static Command Acknowledge(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var (id, reason, by) = StateOptions();
        var command = new Command("ack", "Acknowledge a signal: it leaves the weekly report until its severity rises (or its condition ends and it resolves).")
        {
            id, reason, by,
        };
        command.SetAction((parse, cancellationToken) => SetStateAsync(parse.GetValue(id), null, null, parse.GetValue(reason), parse.GetValue(by), overrides, cancellationToken));
        return command;
    }

    private static Command Snooze(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var (id, reason, by) = StateOptions();
        var until = new Option<string>("--until") { Description = "The date (YYYY-MM-DD, UTC) the signal comes back to the report; must be after today.", Required = true };
        var command = new Command("snooze", "Snooze a signal until a date: it leaves the weekly report until then, or until its severity rises.")
        {
            id, until, reason, by,
        };
        command.SetAction((parse, cancellationToken) => SetStateAsync(parse.GetValue(id), parse.GetValue(until), "--until", parse.GetValue(reason), parse.GetValue(by), overrides, cancellationToken));
        return command;
    }

    private static Command Reopen(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var (id, reason, by) = StateOptions();
        var command = new Command("reopen", "Put an acknowledged or snoozed signal back in the open list (and the next weekly report) now.")
        {
            id, reason, by,
        };
        command.SetAction((parse, cancellationToken) => ReopenAsync(parse.GetValue(id), parse.GetValue(reason), parse.GetValue(by), overrides, cancellationToken));
        return command;
    }

    private static async Task<int> ReopenAsync(long id, string? reasonText, string? byText, IEnumerable<KeyValuePair<string, string?>>? overrides, CancellationToken cancellationToken)
    {
        var reason = reasonText?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return CommandHost.Fail(ExitCodes.BadArguments, "--reason is empty: say in a few words why (it is kept with the signal's history).");
        }

        var by = string.IsNullOrWhiteSpace(byText) ? Environment.UserName : byText.Trim();
        return await CommandHost.RunAsync(async (services, ct) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var store = await StoreAsync(services, ct).ConfigureAwait(false);
            if (await store.GetAsync(id, ct).ConfigureAwait(false) is not { } signal)
            {
                return UnknownId(id);
            }

            var what = $"Signal {id} ({Label(signal.Kind)} on {signal.AccountId})";
            var audit = services.GetRequiredService<AuditStore>();
            if (!await store.ReopenAsync(id, reason, by, now, (transaction, token) => audit.RecordAsync(
                    transaction, Environment.UserName, AuditActions.SignalReopened, string.Create(CultureInfo.InvariantCulture, $"signal {id}"), AuditSources.CommandLine, $"by {by}: {reason}", token), ct)
                .ConfigureAwait(false))
            {
                return CommandHost.Fail(ExitCodes.BadArguments, $"{what} is {signal.State}: only an acknowledged or snoozed signal can be reopened; nothing changed.");
            }

            Console.WriteLine($"{what} reopened by {by}: {reason}. It is open again and goes into the next weekly report.");
            return ExitCodes.Ok;
        }, overrides, cancellationToken).ConfigureAwait(false);
    }

    private static (Argument<long> Id, Option<string> Reason, Option<string?> By) StateOptions() =>
    (
        new Argument<long>("ID") { Description = "The signal's ID, as 'churnwatch signals list' shows it." },
        new Option<string>("--reason") { Description = "Why, in a few words; kept with the signal's history.", Required = true },
        new Option<string?>("--by") { Description = "Who (default: the user running the command)." }
    );

    private static async Task<int> SetStateAsync(
        long id, string? untilText, string? untilOption, string? reasonText, string? byText, IEnumerable<KeyValuePair<string, string?>>? overrides, CancellationToken cancellationToken)
    {
        var reason = reasonText?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return CommandHost.Fail(ExitCodes.BadArguments, "--reason is empty: say in a few words why (it is kept with the signal's history).");
        }

        DateOnly? until = null;
        if (untilOption is not null)
        {
            if (!DateOnly.TryParseExact(untilText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return CommandHost.Fail(ExitCodes.BadArguments, $"{untilOption}: '{untilText}' is not a date; write it as YYYY-MM-DD, for example 2027-01-31.");
            }

            until = date;
        }

        var by = string.IsNullOrWhiteSpace(byText) ? Environment.UserName : byText.Trim();
        return await CommandHost.RunAsync(async (services, ct) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            if (until is { } date && date <= today)
            {
                return CommandHost.Fail(ExitCodes.BadArguments,
                    $"{untilOption}: {date:yyyy-MM-dd} is not in the future (today is {today:yyyy-MM-dd} UTC); a snooze must end on a later date.");
            }

            var store = await StoreAsync(services, ct).ConfigureAwait(false);
            if (await store.GetAsync(id, ct).ConfigureAwait(false) is not { } signal)
            {
                return UnknownId(id);
            }

            var what = $"Signal {id} ({Label(signal.Kind)} on {signal.AccountId})";
            if (signal.State == SignalStates.Resolved)
            {
                return CommandHost.Fail(ExitCodes.BadArguments, $"{what} was resolved on {signal.ResolvedAt}: its condition no longer holds, so there is nothing to {(until is null ? "acknowledge" : "snooze")}.");
            }

            // The audit trail names who ran the command; --by (whom it was done for) goes into the detail. The event is
            // written in the change's transaction: both are stored, or neither.
            var detail = until is { } day ? string.Create(CultureInfo.InvariantCulture, $"until {day:yyyy-MM-dd} by {by}: {reason}") : $"by {by}: {reason}";
            var audit = services.GetRequiredService<AuditStore>();
            if (!await store.SetStateAsync(id, until, reason, by, now, (transaction, token) => audit.RecordAsync(
                    transaction, Environment.UserName, until is null ? AuditActions.SignalAcknowledged : AuditActions.SignalSnoozed,
                    string.Create(CultureInfo.InvariantCulture, $"signal {id}"), AuditSources.CommandLine, detail, token), ct)
                .ConfigureAwait(false))
            {
                return CommandHost.Fail(ExitCodes.Failed, $"{what} was resolved while this command ran; nothing changed.");
            }

            Console.WriteLine(until is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"{what} snoozed until {d:yyyy-MM-dd} by {by}: {reason}. It is back in the report from that date, or sooner if its severity rises.")
                : $"{what} acknowledged by {by}: {reason}. It leaves the report until its severity rises.");
            return ExitCodes.Ok;
        }, overrides, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SignalStore> StoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StoreDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        return services.GetRequiredService<SignalStore>();
    }

    private static int UnknownId(long id) =>
        CommandHost.Fail(ExitCodes.BadArguments, $"No signal has ID {id}. 'churnwatch signals list' shows the IDs of live signals ('--state resolved' the resolved ones).");

    private static void Print(List<StoredSignal> rows)
    {
        if (rows.Count == 0)
        {
            AnsiConsole.WriteLine("No signals match.");
            return;
        }

        var table = new Table().AddColumns("ID", "Account", "Owner", "Kind", "Severity", "ARR at stake", "State", "First seen", "Last seen", "Evidence");
        foreach (var s in rows)
        {
            table.AddRow(
                s.SignalId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(s.AccountId),
                Markup.Escape(s.OwnerEmail),
                Markup.Escape(Label(s.Kind)),
                Markup.Escape(s.Severity),
                s.ArrAtStake.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(StateText(s)),
                Markup.Escape(s.FirstSeen),
                Markup.Escape(s.LastSeen),
                Markup.Escape(s.Evidence));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteTsv(TextWriter writer, List<StoredSignal> rows)
    {
        writer.WriteLine("id\taccount\towner\tkind\tseverity\tarr_at_stake\tstate\tfirst_seen\tlast_seen\tin_report\tevidence");
        foreach (var s in rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.SignalId}\t{s.AccountId}\t{s.OwnerEmail}\t{s.Kind}\t{s.Severity}\t{s.ArrAtStake:F2}\t{s.State}\t{s.FirstSeen}\t{s.LastSeen}\t{(s.InReport ? "yes" : "no")}\t{s.Evidence.Replace('\t', ' ')}"));
        }
    }

    private static string StateText(StoredSignal s) => s.State switch
    {
        SignalStates.Open when s.ReportedOn is null => "open (held back by the weekly cap)",
        SignalStates.Snoozed => $"snoozed until {s.SnoozedUntil} by {s.StateBy}: {s.StateReason}",
        SignalStates.Acknowledged => $"acknowledged by {s.StateBy}: {s.StateReason}",
        SignalStates.Resolved => $"resolved {s.ResolvedAt}",
        _ => s.State,
    };

    private static string Label(string kind) => SignalKinds.Parse(kind) is { } k ? SignalLabels.Kind(k) : kind;

    private static SignalSeverity Severity(StoredSignal s) => Enum.TryParse<SignalSeverity>(s.Severity, out var v) ? v : SignalSeverity.Info;
}
