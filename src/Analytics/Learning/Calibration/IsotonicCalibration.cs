namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// Isotonic calibration: a non-decreasing step function from pool-adjacent-violators, stored as one knot per block
/// (the block's mean raw probability and its observed positive rate) and read by linear interpolation between knots,
/// constant beyond the first and last.
/// </summary>
/// <param name="Centres">Mean raw probability of each block, strictly increasing.</param>
/// <param name="Values">Observed positive rate of each block, strictly increasing, within [0, 1].</param>
public sealed record IsotonicCalibration(IReadOnlyList<double> Centres, IReadOnlyList<double> Values) : ProbabilityCalibration
{
    /// <summary>The <c>method</c> discriminator in JSON.</summary>
    public const string MethodName = "isotonic";
}
