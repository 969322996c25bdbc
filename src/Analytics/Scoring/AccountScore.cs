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
    string Context = "");
