namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>Rebuilds a calibrator from its stored form.</summary>
internal static class Calibrators
{
    /// <summary>The calibrator the record describes; throws <see cref="ArgumentException"/> when the record is invalid.</summary>
    public static IProbabilityCalibrator FromRecord(ProbabilityCalibration record) => record switch
    {
        PlattCalibration platt => PlattCalibrator.FromRecord(platt),
        IsotonicCalibration isotonic => IsotonicCalibrator.FromRecord(isotonic),
        null => throw new ArgumentNullException(nameof(record)),
        _ => throw new ArgumentException($"Unknown calibration {record.GetType().Name}.", nameof(record)),
    };
}
