namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// The logistic link between a model's logit and its probability. The models themselves are ML.NET's
/// (<see cref="MlNet.MlNetLearners"/>); this is the one formula ChurnWatch applies to their scores.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>The logistic function, stable for large |x|: neither branch ever takes exp of a large positive number.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
}
