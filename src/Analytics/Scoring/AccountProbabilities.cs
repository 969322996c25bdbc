namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// An account's probabilities as of a date, without the explanation an <see cref="AccountScore"/> carries: what the
/// renewal forecast's backtest weighs each past renewal and month-to-month account by.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="ChurnProbability">Calibrated probability that the account churns within the model's horizon.</param>
/// <param name="RenewalProbability">Probability that the next contract renewal happens; null without a contract.</param>
public sealed record AccountProbabilities(string AccountId, double ChurnProbability, double? RenewalProbability);
