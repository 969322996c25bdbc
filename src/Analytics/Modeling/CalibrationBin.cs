namespace ChurnWatch.Analytics.Modeling;

/// <summary>One row of a calibration table: predictions in a probability range against what happened.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
