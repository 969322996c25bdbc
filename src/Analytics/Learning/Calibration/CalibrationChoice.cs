namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>The calibration <see cref="CalibrationChooser"/> picked, with the held-out evidence for the choice.</summary>
/// <param name="Calibration">The winner, refitted on every held-out row.</param>
/// <param name="PlattLogLoss">Cross-fitted log loss of Platt scaling (NaN when too few rows to compare).</param>
/// <param name="IsotonicLogLoss">Cross-fitted log loss of isotonic calibration (NaN when too few rows to compare).</param>
/// <param name="UncalibratedLogLoss">Log loss of the raw probabilities on the same rows.</param>
public sealed record CalibrationChoice(
    ProbabilityCalibration Calibration,
    double PlattLogLoss,
    double IsotonicLogLoss,
    double UncalibratedLogLoss);
