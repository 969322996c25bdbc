namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>What <see cref="MlNetClassifier.Score"/> returns for a batch of rows.</summary>
/// <param name="Logits">ML.NET's raw score per row: the log-odds before calibration.</param>
/// <param name="Probabilities">The calibrated probability per row (the sigmoid of the logit when the model has no calibrator).</param>
/// <param name="Contributions">When asked for: per row, one contribution per predictor; with <paramref name="Bias"/> they add up to the row's logit.</param>
/// <param name="Bias">The logit of an average training row, shared by every row (NaN without contributions).</param>
public sealed record ModelScores(double[] Logits, double[] Probabilities, double[][]? Contributions, double Bias)
{
    /// <summary>The uncalibrated probability of row <paramref name="row"/>.</summary>
    public double RawProbability(int row) => LogisticRegression.Sigmoid(Logits[row]);
}
