using Microsoft.ML;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>The calibration <see cref="HeldOutCalibration"/> picked, with the held-out evidence for the choice.</summary>
/// <param name="Method"><c>platt</c>, <c>isotonic</c> (linear between block centres in the score's units),
/// <c>isotonic_probability</c> (linear in probability units), or <c>none</c> when no map beat the raw probabilities.</param>
/// <param name="Calibrator">ML.NET's fitted calibrator (refitted on every held-out row), null for <c>none</c>.</param>
/// <param name="PlattLogLoss">Cross-fitted log loss of Platt scaling.</param>
/// <param name="IsotonicLogLoss">Cross-fitted log loss of isotonic calibration, linear in the score (logit).</param>
/// <param name="IsotonicProbabilityLogLoss">Cross-fitted log loss of isotonic calibration, linear in probability.</param>
/// <param name="UncalibratedLogLoss">Log loss of the raw probabilities on the same rows.</param>
internal sealed record CalibrationChoice(string Method, ITransformer? Calibrator, double PlattLogLoss, double IsotonicLogLoss, double IsotonicProbabilityLogLoss, double UncalibratedLogLoss)
{
    public const string Platt = "platt";

    public const string Isotonic = "isotonic";

    public const string IsotonicProbability = "isotonic_probability";

    public const string None = "none";

    /// <summary>The log loss of the chosen method (the raw one for <c>none</c>).</summary>
    public double ChosenLogLoss => Method switch
    {
        Platt => PlattLogLoss,
        Isotonic => IsotonicLogLoss,
        IsotonicProbability => IsotonicProbabilityLogLoss,
        _ => UncalibratedLogLoss,
    };
}
