namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Gradient-boosted trees with the default <see cref="GradientBoostingOptions"/> as an <see cref="IBinaryLearner"/>.
/// An account table has no time order to validate on, so early stopping holds out a seeded tenth of the training rows.
/// </summary>
public sealed class TreesLearner : IBinaryLearner
{
    public const string LearnerName = "gradient_boosted_trees";

    /// <summary>Share of the training rows held out for early stopping.</summary>
    public const double ValidationFraction = 0.1;

    public string Name => LearnerName;

    public IBinaryClassifier Fit(FeatureMatrix x, double[] labels, int seed) =>
        new TreesClassifier(GradientBoostedTrees.Fit(x, labels, new GradientBoostingOptions { Seed = seed, ValidationFraction = ValidationFraction }));
}
