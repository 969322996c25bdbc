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
    IReadOnlyList<CalibrationBin> Calibration)
{
    /// <summary>PR-AUC (average precision, as scikit-learn defines it) of the raw test predictions.</summary>
    public double AveragePrecision { get; init; } = double.NaN;

    /// <summary>The calibration chosen on the test period (platt or isotonic), or null when there was none.</summary>
    public string? CalibrationMethod { get; init; }

    /// <summary>Test-period log loss of the raw predictions, cross-fitted like the calibrated one (same halves).</summary>
    public double? UncalibratedLogLoss { get; init; }

    /// <summary>Test-period log loss after the chosen calibration, cross-fitted: fitted on one half, measured on the other.</summary>
    public double? CalibratedLogLoss { get; init; }
}
