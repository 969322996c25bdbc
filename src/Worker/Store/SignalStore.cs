using ChurnWatch.Analytics.Signals;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Signals with a lifecycle: the same condition found again updates the live signal instead of opening a new one,
/// and a live signal whose condition no longer holds is resolved with the date. Running twice for the same date
/// changes nothing the second time.
/// </summary>
internal sealed class SignalStore(StoreDatabase database)
{
    public async Task<SignalChanges> ApplyAsync(
        DateOnly asOf,
        IReadOnlyList<AccountSignal> found,
        IReadOnlyDictionary<string, (string Owner, decimal Arr)> accounts,
        CancellationToken cancellationToken)
    {
        var day = StoreText.Date(asOf);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var live = (await connection.QueryAsync<(long Id, string AccountId, string Kind)>(new CommandDefinition(
                "SELECT signal_id, account_id, kind FROM signals WHERE state <> 'resolved'", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(s => (s.AccountId, s.Kind), s => s.Id);

        int opened = 0, updated = 0;
        var seen = new HashSet<long>();
        foreach (var signal in found)
        {
            var (owner, arr) = accounts[signal.AccountId];
            var args = new
            {
                signal.AccountId,
                Owner = owner,
                Kind = signal.Kind.ToString(),
                Severity = signal.Severity.ToString(),
                signal.Evidence,
                Arr = (double)arr,
                Day = day,
            };
            if (live.TryGetValue((signal.AccountId, args.Kind), out var id))
            {
                seen.Add(id);
                updated++;
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE signals SET severity = @Severity, evidence = @Evidence, arr_at_stake = @Arr, owner_email = @Owner, last_seen = @Day WHERE signal_id = @Id",
                    new { args.Severity, args.Evidence, args.Arr, args.Owner, args.Day, Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                opened++;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO signals (account_id, owner_email, kind, severity, evidence, arr_at_stake, first_seen, last_seen, state)
                    VALUES (@AccountId, @Owner, @Kind, @Severity, @Evidence, @Arr, @Day, @Day, 'open')
                    """,
                    args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        var resolved = 0;
        foreach (var id in live.Values.Where(id => !seen.Contains(id)))
        {
            resolved += await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE signals SET state = 'resolved', resolved_at = @day WHERE signal_id = @id",
                new { day, id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SignalChanges(opened, updated, resolved);
    }

    /// <summary>Live signals (open, acknowledged or snoozed), highest severity first.</summary>
    public async Task<IReadOnlyList<StoredSignal>> LiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StoredSignal>(new CommandDefinition(
            """
            SELECT signal_id AS SignalId, account_id AS AccountId, owner_email AS OwnerEmail, kind AS Kind, severity AS Severity,
                   evidence AS Evidence, arr_at_stake AS ArrAtStake, first_seen AS FirstSeen, last_seen AS LastSeen, state AS State
            FROM signals WHERE state <> 'resolved' ORDER BY account_id, kind
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }
}
