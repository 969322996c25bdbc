using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Learning;

/// <summary>Probabilities from any classifier's logit.</summary>
public static class BinaryClassifierExtensions
{
    /// <summary>The raw (uncalibrated) probability of the positive class.</summary>
    public static double PredictProbability(this IBinaryClassifier classifier, ReadOnlySpan<double> row)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return LogisticRegression.Sigmoid(classifier.PredictLogit(row));
    }
}
