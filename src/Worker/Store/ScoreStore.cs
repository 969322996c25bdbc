using System.Text.Json;
using ChurnWatch.Analytics.Scoring;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Scores and predictor snapshots per as-of date. Scoring a date again replaces that date's rows in one
/// transaction, so a re-run never duplicates and a failed one leaves the previous rows.
/// </summary>
internal sealed class ScoreStore(StoreDatabase database)
{
    public async Task<int> ReplaceAsync(
        DateOnly asOf,
        string churnModelId,
        IReadOnlyList<AccountScore> scores,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> predictors,
        CancellationToken cancellationToken)
    {
        var day = StoreText.Date(asOf);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scores WHERE as_of = @day", new { day }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM predictor_snapshots WHERE as_of = @day", new { day }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await BulkInsert.WriteAsync(connection, transaction, "scores",
            [
                new StoreColumn<AccountScore>("as_of", _ => day), new("account_id", s => s.AccountId), new("churn_model_id", _ => churnModelId),
                new("churn_probability", s => s.ChurnProbability), new("renewal_probability", s => s.RenewalProbability),
                new("band", s => s.Band.ToString()), new("reasons", s => JsonSerializer.Serialize(s.Reasons)),
                new("context", s => s.Context), new("changes", s => JsonSerializer.Serialize(s.Changes)),
            ],
            scores, cancellationToken).ConfigureAwait(false);
        await BulkInsert.WriteAsync(connection, transaction, "predictor_snapshots",
            [
                new StoreColumn<KeyValuePair<string, IReadOnlyDictionary<string, double>>>("as_of", _ => day),
                new("account_id", f => f.Key),
                // NaN (absent) values are left out: JSON has no NaN, and absent is what they mean.
                new("predictors", f => JsonSerializer.Serialize(f.Value.Where(v => double.IsFinite(v.Value)).ToDictionary(v => v.Key, v => v.Value))),
            ],
            predictors.OrderBy(f => f.Key, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return scores.Count;
    }

    /// <summary>Churn probabilities from the newest scoring before <paramref name="asOf"/>, for "change since last week".</summary>
    public async Task<IReadOnlyDictionary<string, double>> PreviousAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string AccountId, double Probability)>(new CommandDefinition(
            """
            SELECT account_id, churn_probability FROM scores
            WHERE as_of = (SELECT MAX(as_of) FROM scores WHERE as_of < @day)
            """, new { day = StoreText.Date(asOf) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.AccountId, r => r.Probability, StringComparer.Ordinal);
    }

    /// <summary>The newest scoring date in the store, or null when nothing was scored yet.</summary>
    public async Task<DateOnly?> LatestAsOfAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var day = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT MAX(as_of) FROM scores", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return day is null ? null : StoreText.ParseDate(day);
    }

    /// <summary>
    /// The stored probabilities of one scoring date, by account: churn, and renewal (null for accounts without a
    /// contract). Empty when that date was not scored.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (double Churn, double? Renewal)>> ProbabilitiesAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string AccountId, double Churn, double? Renewal)>(new CommandDefinition(
            "SELECT account_id, churn_probability, renewal_probability FROM scores WHERE as_of = @day",
            new { day = StoreText.Date(asOf) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.AccountId, r => (r.Churn, r.Renewal), StringComparer.Ordinal);
    }
}
