namespace ChurnWatch.Analytics.Signals;

/// <summary>What the models said about an account at a date and at the scoring before.</summary>
/// <param name="ChurnProbability">Calibrated churn probability at the date.</param>
/// <param name="PreviousChurnProbability">The same at the previous scoring; null when the account was not scored then.</param>
/// <param name="RenewalProbability">Probability that the next renewal happens; null without a contract renewal.</param>
public sealed record ScoreFacts(double ChurnProbability, double? PreviousChurnProbability, double? RenewalProbability)
{
    /// <summary>
    /// The activities with their <see cref="AccountActivity.Score"/> set from <paramref name="scores"/> and, for the
    /// change, <paramref name="previous"/> churn probabilities; accounts without a score are left without one.
    /// </summary>
    public static IReadOnlyList<AccountActivity> Attach(
        IReadOnlyList<AccountActivity> activities,
        IReadOnlyDictionary<string, (double Churn, double? Renewal)> scores,
        IReadOnlyDictionary<string, double> previous)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(previous);
        return activities
            .Select(a => scores.TryGetValue(a.AccountId, out var s)
                ? a with { Score = new ScoreFacts(s.Churn, previous.TryGetValue(a.AccountId, out var p) ? p : null, s.Renewal) }
                : a)
            .ToList();
    }
}
