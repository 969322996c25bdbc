using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Worker.Reports;

/// <summary>One account as the weekly report and the all-accounts CSV show it.</summary>
/// <param name="AccountId">The source's identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="OwnerEmail">The account manager; lets the all-accounts CSV be cut by owner.</param>
/// <param name="Segment">Customer segment.</param>
/// <param name="Plan">Current plan.</param>
/// <param name="Arr">Annual recurring revenue (12 x MRR) of the active subscriptions.</param>
/// <param name="ChurnProbability">Calibrated probability of churn within the horizon, 0 to 1.</param>
/// <param name="RenewalProbability">Probability that the next renewal happens; null without a contract renewal date.</param>
/// <param name="Band">Risk band.</param>
/// <param name="ChurnProbabilityChange">Change of the churn probability since last week's report (0.05 = 5 points up), or on a first run since the model's score of the data a week earlier; null when the account was not active then.</param>
/// <param name="RenewalDate">Next contractual renewal; null for month-to-month.</param>
/// <param name="TopReasons">Up to three behavioural reasons in plain words, strongest first: what raises the risk, or for a low-risk account what keeps it low (<see cref="ReasonsProtect"/>).</param>
/// <param name="Signals">Open signals.</param>
/// <param name="WeeklyActiveUsers">Weekly active users, oldest week first, for the usage sparkline.</param>
public sealed record AccountRiskRow(
    string AccountId,
    string Name,
    string OwnerEmail,
    string Segment,
    string Plan,
    decimal Arr,
    double ChurnProbability,
    double? RenewalProbability,
    RiskBand Band,
    double? ChurnProbabilityChange,
    DateOnly? RenewalDate,
    IReadOnlyList<string> TopReasons,
    IReadOnlyList<OpenSignal> Signals,
    IReadOnlyList<int> WeeklyActiveUsers)
{
    /// <summary>What the account is, in one line: contract, plan, tenure, renewal ("Month-to-month, Business plan, customer for 14 months").</summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>The suggested next step for an account at risk, from its top reason (section NextSteps); null where the reasons suggest none.</summary>
    public string? NextStep { get; init; }

    /// <summary>
    /// What moved the churn probability since a week earlier, in words with the week before's value, largest first;
    /// empty when it barely moved (<see cref="ChurnWatch.Analytics.Scoring.AccountScore.Changes"/>).
    /// </summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>The reasons say why the account is safe (a low-risk account's protective drivers), not why it is at risk.</summary>
    public bool ReasonsProtect { get; init; }

    /// <summary>Expected ARR loss: ARR x churn probability. Rows are ranked by it, so a likely loss of a big account comes first.</summary>
    public decimal ArrAtRisk => Arr * (decimal)ChurnProbability;

    /// <summary>
    /// The accounts whose churn probability rose (<paramref name="worse"/>) or fell most since last week, at most
    /// <paramref name="count"/>, biggest move first; accounts not scored last week have no move.
    /// </summary>
    public static IReadOnlyList<AccountRiskRow> MovedMost(IEnumerable<AccountRiskRow> rows, bool worse, int count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var moved = worse
            ? rows.Where(r => r.ChurnProbabilityChange > 0).OrderByDescending(r => r.ChurnProbabilityChange)
            : rows.Where(r => r.ChurnProbabilityChange < 0).OrderBy(r => r.ChurnProbabilityChange);
        return moved.ThenBy(r => r.AccountId, StringComparer.Ordinal).Take(count).ToList();
    }

    /// <summary>Orders rows for the report: expected ARR loss, then churn probability, then id so ties never shuffle.</summary>
    public static IReadOnlyList<AccountRiskRow> Rank(IEnumerable<AccountRiskRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .OrderByDescending(r => r.ArrAtRisk)
            .ThenByDescending(r => r.ChurnProbability)
            .ThenBy(r => r.AccountId, StringComparer.Ordinal)
            .ToList();
    }
}
