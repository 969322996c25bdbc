namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A backtest's report with what it was computed from: the model fitted on the earlier rows, the later rows it was
/// tested on and its raw logits for them, so the calibration and importance can be fitted on rows the model never saw.
/// </summary>
internal sealed record BacktestOutcome(BacktestReport Report, RiskModel Model, int[] TestRows, double[] TestLogits, double[] TestLabels);
