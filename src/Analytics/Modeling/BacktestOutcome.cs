namespace ChurnWatch.Analytics.Modeling;

/// <summary>A backtest's report and its raw test-period predictions, which calibration is fitted on.</summary>
internal sealed record BacktestOutcome(BacktestReport Report, double[] TestPredictions, double[] TestLabels);
