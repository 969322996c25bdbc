namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>A fitted calibration map, independent of the learner whose probabilities it corrects.</summary>
internal interface IProbabilityCalibrator
{
    /// <summary>The calibrated probability of a raw one; NaN stays NaN.</summary>
    double Calibrate(double rawProbability);

    /// <summary>The stored form, from which <see cref="Calibrators.FromRecord"/> rebuilds an identical calibrator.</summary>
    ProbabilityCalibration ToRecord();
}
