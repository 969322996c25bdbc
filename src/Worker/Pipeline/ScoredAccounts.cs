using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Every active account's score, activity and (when asked for) model inputs as of one date.</summary>
/// <param name="Scores">Churn and renewal scores with their reasons, in batch order.</param>
/// <param name="Activity">Usage, plan, support and billing facts the signals and reports read.</param>
/// <param name="Predictors">Per account, the model inputs behind its score (non-missing values); empty unless asked for.</param>
internal sealed record ScoredAccounts(
    IReadOnlyList<AccountScore> Scores,
    IReadOnlyList<AccountActivity> Activity,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Predictors)
{
    /// <summary>The parts of several batches as one, in the order given.</summary>
    public static ScoredAccounts Join(IReadOnlyList<ScoredAccounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var predictors = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (account, values) in parts.SelectMany(p => p.Predictors))
        {
            predictors[account] = values;
        }

        return new ScoredAccounts([.. parts.SelectMany(p => p.Scores)], [.. parts.SelectMany(p => p.Activity)], predictors);
    }
}
