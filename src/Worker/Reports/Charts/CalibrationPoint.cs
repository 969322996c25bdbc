namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>One range of predictions on a calibration plot.</summary>
/// <param name="Predicted">Mean predicted probability of the rows in the range.</param>
/// <param name="Observed">Share of those rows where the event happened.</param>
/// <param name="Rows">How many rows; a point over few rows is drawn small because it says little.</param>
internal readonly record struct CalibrationPoint(double Predicted, double Observed, int Rows);
