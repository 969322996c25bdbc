using System.Data.Common;
using ChurnWatch.Analytics.Signals;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Signals with a lifecycle: the same condition found again updates the live signal instead of opening a new one; a
/// live signal whose condition no longer holds is resolved with the date; an acknowledged or snoozed signal comes back
/// when its snooze ends or its severity rises; new signals enter an account manager's report at most a weekly cap at
/// a time, highest severity x ARR first. Every step is kept in <c>signal_events</c>. Running twice for the same date
/// changes nothing the second time.
/// </summary>
internal sealed class SignalStore(StoreDatabase database)
{
    private const string Columns =
        """
        signal_id AS SignalId, account_id AS AccountId, owner_email AS OwnerEmail, kind AS Kind, severity AS Severity,
        evidence AS Evidence, arr_at_stake AS ArrAtStake, first_seen AS FirstSeen, last_seen AS LastSeen, state AS State,
        snoozed_until AS SnoozedUntil, state_reason AS StateReason, state_by AS StateBy, resolved_at AS ResolvedAt, reported_on AS ReportedOn, state_severity AS StateSeverity
        """;

    /// <summary>Applies the signals found as of <paramref name="asOf"/>; at most <paramref name="weeklyCap"/> new signals per owner enter the report in a week.</summary>
    public async Task<SignalChanges> ApplyAsync(
        DateOnly asOf,
        IReadOnlyList<AccountSignal> found,
        IReadOnlyDictionary<string, (string Owner, decimal Arr)> accounts,
        CancellationToken cancellationToken,
        int weeklyCap = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(accounts);
        var day = StoreText.Date(asOf);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var live = (await connection.QueryAsync<StoredSignal>(new CommandDefinition(
                $"SELECT {Columns} FROM signals WHERE state <> 'resolved'", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(s => (s.AccountId, s.Kind));

        int opened = 0, updated = 0, reopened = 0;
        var seen = new HashSet<long>();
        foreach (var signal in found)
        {
            var (owner, arr) = accounts[signal.AccountId];
            var kind = signal.Kind.ToString();
            var severity = signal.Severity.ToString();
            if (live.TryGetValue((signal.AccountId, kind), out var stored))
            {
                seen.Add(stored.SignalId);
                updated++;
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE signals SET severity = @severity, evidence = @Evidence, arr_at_stake = @arr, owner_email = @owner, last_seen = @day WHERE signal_id = @SignalId",
                    new { severity, signal.Evidence, arr = (double)arr, owner, day, stored.SignalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (stored.Severity != severity)
                {
                    await EventAsync(connection, transaction, stored.SignalId, day, "changed", severity, signal.Evidence, null, $"severity {stored.Severity} -> {severity}", cancellationToken).ConfigureAwait(false);
                }

                if (ReopenReason(stored, signal.Severity, day) is { } reason)
                {
                    reopened++;
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE signals SET state = 'open', snoozed_until = NULL, state_reason = @reason, state_by = NULL, state_changed_at = @day, state_severity = NULL WHERE signal_id = @SignalId",
                        new { reason, day, stored.SignalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await EventAsync(connection, transaction, stored.SignalId, day, "reopened", severity, signal.Evidence, null, reason, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                opened++;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO signals (account_id, owner_email, kind, severity, evidence, arr_at_stake, first_seen, last_seen, state)
                    VALUES (@AccountId, @owner, @kind, @severity, @Evidence, @arr, @day, @day, 'open')
                    """,
                    new { signal.AccountId, owner, kind, severity, signal.Evidence, arr = (double)arr, day }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO signal_events (signal_id, happened_at, event, severity, evidence)
                    SELECT signal_id, @day, 'opened', severity, evidence FROM signals WHERE account_id = @AccountId AND kind = @kind AND state <> 'resolved'
                    """,
                    new { day, signal.AccountId, kind }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        var resolved = 0;
        foreach (var stored in live.Values.Where(s => !seen.Contains(s.SignalId)))
        {
            resolved += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE signals SET state = 'resolved', resolved_at = @day WHERE signal_id = @SignalId",
                new { day, stored.SignalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await EventAsync(connection, transaction, stored.SignalId, day, "resolved", stored.Severity, stored.Evidence, null, "the condition no longer holds", cancellationToken).ConfigureAwait(false);
        }

        var heldBack = await ReportNewAsync(connection, transaction, asOf, weeklyCap, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SignalChanges(opened, updated, resolved) { Reopened = reopened, HeldBack = heldBack };
    }

    /// <summary>Live signals (open, acknowledged or snoozed), by account and kind.</summary>
    public Task<IReadOnlyList<StoredSignal>> LiveAsync(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    /// <summary>Signals in <paramref name="state"/>, or every live one when null; by account and kind.</summary>
    public async Task<IReadOnlyList<StoredSignal>> ListAsync(string? state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StoredSignal>(new CommandDefinition(
            state is null
                ? $"SELECT {Columns} FROM signals WHERE state <> 'resolved' ORDER BY account_id, kind, signal_id"
                : $"SELECT {Columns} FROM signals WHERE state = @state ORDER BY account_id, kind, signal_id",
            new { state }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    /// <summary>One signal, or null when no signal has the id.</summary>
    public async Task<StoredSignal?> GetAsync(long signalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StoredSignal>(new CommandDefinition(
            $"SELECT {Columns} FROM signals WHERE signal_id = @signalId", new { signalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>A signal's history, oldest first.</summary>
    public async Task<IReadOnlyList<SignalEvent>> HistoryAsync(long signalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SignalEvent>(new CommandDefinition(
            """
            SELECT event_id AS EventId, signal_id AS SignalId, happened_at AS HappenedAt, event AS Event, severity AS Severity,
                   evidence AS Evidence, actor AS Actor, reason AS Reason
            FROM signal_events WHERE signal_id = @signalId ORDER BY event_id
            """, new { signalId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    /// <summary>
    /// Acknowledges (<paramref name="snoozedUntil"/> null) or snoozes a live signal, keeping its severity now so that a
    /// rise brings it back. False when the signal is resolved or missing (the caller has checked and says which).
    /// </summary>
    public Task<bool> SetStateAsync(long signalId, DateOnly? snoozedUntil, string reason, string by, DateTime now, CancellationToken cancellationToken) =>
        SetStateAsync(signalId, snoozedUntil, reason, by, now, alongside: null, cancellationToken);

    /// <summary>
    /// The same, with <paramref name="alongside"/> written in the same transaction (the audit event of the person who
    /// acted): the change and its record are stored together or not at all.
    /// </summary>
    public Task<bool> SetStateAsync(
        long signalId, DateOnly? snoozedUntil, string reason, string by, DateTime now, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var state = snoozedUntil is null ? SignalStates.Acknowledged : SignalStates.Snoozed;
        var at = StoreText.Instant(now);
        return database.ChangeAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE signals SET state = @state, snoozed_until = @until, state_reason = @reason, state_by = @by, state_changed_at = @at, state_severity = severity
                WHERE signal_id = @signalId AND state <> 'resolved'
                """,
                new { state, until = StoreText.Date(snoozedUntil), reason, by, at, signalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO signal_events (signal_id, happened_at, event, severity, evidence, actor, reason)
                SELECT signal_id, @at, @state, severity, evidence, @by, @reason FROM signals WHERE signal_id = @signalId
                """,
                new { at, state, by, reason = snoozedUntil is { } until ? $"until {StoreText.Date(until)}: {reason}" : reason, signalId },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }, alongside, cancellationToken);
    }

    /// <summary>
    /// Puts an acknowledged or snoozed signal back in the open list by hand (a snooze given by mistake, news from the
    /// customer); false when it is not acknowledged or snoozed (open already, or resolved meanwhile).
    /// </summary>
    public Task<bool> ReopenAsync(long signalId, string reason, string by, DateTime now, CancellationToken cancellationToken) =>
        ReopenAsync(signalId, reason, by, now, alongside: null, cancellationToken);

    /// <summary>The same, with <paramref name="alongside"/> written in the same transaction (the audit event).</summary>
    public Task<bool> ReopenAsync(long signalId, string reason, string by, DateTime now, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var at = StoreText.Instant(now);
        return database.ChangeAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE signals SET state = 'open', snoozed_until = NULL, state_reason = @reason, state_by = @by, state_changed_at = @at, state_severity = NULL
                WHERE signal_id = @signalId AND state IN ('acknowledged', 'snoozed')
                """,
                new { reason, by, at, signalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (changed == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO signal_events (signal_id, happened_at, event, severity, evidence, actor, reason)
                SELECT signal_id, @at, 'reopened', severity, evidence, @by, @reason FROM signals WHERE signal_id = @signalId
                """,
                new { at, by, reason, signalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }, alongside, cancellationToken);
    }

    /// <summary>Per account manager: open signals the weekly cap still holds back from the report.</summary>
    public async Task<IReadOnlyDictionary<string, int>> HeldBackAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Owner, long Count)>(new CommandDefinition(
            "SELECT owner_email, CAST(COUNT(*) AS BIGINT) FROM signals WHERE state = 'open' AND reported_on IS NULL GROUP BY owner_email",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Owner, r => (int)r.Count, StringComparer.OrdinalIgnoreCase);
    }

    // A snooze ends on its date; a rise above the severity the signal had when it was put aside brings it back at once.
    private static string? ReopenReason(StoredSignal stored, SignalSeverity severity, string day)
    {
        if (stored.State is not (SignalStates.Acknowledged or SignalStates.Snoozed))
        {
            return null;
        }

        var before = Enum.TryParse<SignalSeverity>(stored.StateSeverity ?? stored.Severity, out var s) ? s : SignalSeverity.Info;
        if (severity > before)
        {
            return $"severity rose from {before} to {severity}";
        }

        return stored.State == SignalStates.Snoozed && stored.SnoozedUntil is { } until && string.CompareOrdinal(until, day) <= 0
            ? $"snooze ended on {until}"
            : null;
    }

    // New open signals enter the report up to the cap per owner over the last 7 days; the rest wait for next week.
    private static async Task<int> ReportNewAsync(DbConnection connection, DbTransaction transaction, DateOnly asOf, int weeklyCap, CancellationToken cancellationToken)
    {
        var day = StoreText.Date(asOf);
        var weekAgo = StoreText.Date(asOf.AddDays(-7));
        var waiting = await connection.QueryAsync<StoredSignal>(new CommandDefinition(
            $"SELECT {Columns} FROM signals WHERE state = 'open' AND reported_on IS NULL", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var reported = (await connection.QueryAsync<(string Owner, long Count)>(new CommandDefinition(
                "SELECT owner_email, CAST(COUNT(*) AS BIGINT) FROM signals WHERE reported_on > @weekAgo AND reported_on <= @day GROUP BY owner_email",
                new { weekAgo, day }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Owner, r => (int)r.Count, StringComparer.Ordinal);
        var heldBack = 0;
        foreach (var owner in waiting.GroupBy(s => s.OwnerEmail, StringComparer.Ordinal))
        {
            var room = Math.Max(0, weeklyCap - reported.GetValueOrDefault(owner.Key));
            var ranked = owner
                .OrderByDescending(s => SignalKinds.Weight(Enum.TryParse<SignalSeverity>(s.Severity, out var v) ? v : SignalSeverity.Info) * s.ArrAtStake)
                .ThenBy(s => s.AccountId, StringComparer.Ordinal)
                .ThenBy(s => s.Kind, StringComparer.Ordinal)
                .ToList();
            foreach (var signal in ranked.Take(room))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE signals SET reported_on = @day WHERE signal_id = @SignalId", new { day, signal.SignalId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await EventAsync(connection, transaction, signal.SignalId, day, "reported", signal.Severity, signal.Evidence, null, null, cancellationToken).ConfigureAwait(false);
            }

            heldBack += Math.Max(0, ranked.Count - room);
        }

        return heldBack;
    }

    private static Task<int> EventAsync(
        DbConnection connection, DbTransaction transaction, long signalId, string at, string name, string severity, string evidence, string? actor, string? reason, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signal_events (signal_id, happened_at, event, severity, evidence, actor, reason) VALUES (@signalId, @at, @name, @severity, @evidence, @actor, @reason)",
            new { signalId, at, name, severity, evidence, actor, reason }, transaction, cancellationToken: cancellationToken));
}
