namespace ChurnWatch.Analytics.Learning;

/// <summary>A way to learn a <see cref="IBinaryClassifier"/> from rows and 0/1 labels, deterministically for a seed.</summary>
public interface IBinaryLearner
{
    /// <summary>Name printed in evaluations and stored in model files.</summary>
    string Name { get; }

    IBinaryClassifier Fit(FeatureMatrix x, double[] labels, int seed);
}
