namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>Platt scaling: calibrated = sigmoid(<paramref name="Slope"/> x logit(raw) + <paramref name="Intercept"/>).</summary>
/// <param name="Slope">Multiplies the raw logit; below 1 softens over-confident scores, above 1 sharpens timid ones.</param>
/// <param name="Intercept">Shifts the logit; corrects a base rate that moved between training and calibration data.</param>
public sealed record PlattCalibration(double Slope, double Intercept) : ProbabilityCalibration
{
    /// <summary>The <c>method</c> discriminator in JSON.</summary>
    public const string MethodName = "platt";
}
