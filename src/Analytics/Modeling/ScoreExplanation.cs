namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A model's output for one account: the probability and its decomposition. The contributions add up to
/// <see cref="Logit"/> - <see cref="Intercept"/>.
/// </summary>
/// <param name="Probability">The raw (uncalibrated) probability: the sigmoid of <paramref name="Logit"/>.</param>
/// <param name="Logit">The model's raw log-odds: <paramref name="Intercept"/> plus the contributions.</param>
/// <param name="Intercept">The model's intercept.</param>
/// <param name="Contributions">One per predictor, in the model's order.</param>
public sealed record ScoreExplanation(double Probability, double Logit, double Intercept, IReadOnlyList<PredictorContribution> Contributions)
{
    /// <summary>The probability after the model's calibration (monotone in <see cref="Logit"/>): what users see.</summary>
    public double CalibratedProbability { get; init; } = double.NaN;
}
