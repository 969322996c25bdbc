namespace ChurnWatch.Analytics.Scoring;

/// <summary>An account's risk as of a date.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AsOf">The observation date: only data strictly before it was used.</param>
/// <param name="ChurnProbability">Calibrated probability that the account churns within the model's horizon.</param>
/// <param name="RenewalProbability">Probability that the next contract renewal happens; null without a contract.</param>
/// <param name="Band">Risk band from the churn probability.</param>
/// <param name="Reasons">
/// The behavioural drivers, strongest first: what raises the risk, or for a low-risk account what keeps it low
/// (<see cref="ScoreReason.IsProtective"/>) when anything does. Never the contract, plan or tenure: see <paramref name="Context"/>.
/// </param>
/// <param name="Context">What the account is, in one line ("Month-to-month, Business plan, customer for 14 months"): the structure the reasons leave out.</param>
public sealed record AccountScore(
    string AccountId,
    DateOnly AsOf,
    double ChurnProbability,
    double? RenewalProbability,
    RiskBand Band,
    IReadOnlyList<ScoreReason> Reasons,
    string Context = "")
{
    /// <summary>
    /// What moved the score since a week earlier, largest first, each sentence with the week before's value ("2 urgent
    /// tickets open (a week earlier: 0 urgent tickets open)"): behavioural drivers whose contribution changed in the
    /// direction the probability moved. Empty when the score barely moved or the change was not asked for.
    /// </summary>
    public IReadOnlyList<ScoreReason> Changes { get; init; } = [];

    /// <summary>
    /// The same model's churn probability a week earlier, from the data as it was then; null when the change was not
    /// asked for or the account was not active then. Where no score was stored last week (a first run), the reports'
    /// change since last week is measured from it.
    /// </summary>
    public double? ChurnProbabilityWeekBefore { get; init; }
}
