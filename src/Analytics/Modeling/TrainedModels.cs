namespace ChurnWatch.Analytics.Modeling;

/// <summary>The models a training run produced, with their backtests.</summary>
/// <param name="Churn">Churn within the horizon.</param>
/// <param name="Renewal">Non-renewal at the next renewal; null when the history has too few contracts with known outcomes.</param>
/// <param name="ChurnBacktest">Backtest of the churn learner; null when the history is too short.</param>
/// <param name="RenewalBacktest">Backtest of the renewal learner; null when not possible.</param>
public sealed record TrainedModels(RiskModel Churn, RiskModel? Renewal, BacktestReport? ChurnBacktest, BacktestReport? RenewalBacktest);
