namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// How a learner did on a time-split backtest: trained on earlier observation dates, tested on later ones.
/// Printed with every model so users can see how far to trust it.
/// </summary>
public sealed record BacktestReport(
    string Learner,
    string Target,
    DateOnly TrainFrom,
    DateOnly TrainTo,
    DateOnly TestFrom,
    DateOnly TestTo,
    int TrainRows,
    int TestRows,
    double TestBaseRate,
    double Auc,
    double LogLoss,
    double Brier,
    double TopDecileLift,
    IReadOnlyList<CalibrationBin> Calibration);
