using ChurnWatch.Analytics.Modeling;
namespace ChurnWatch.Analytics.Learning;

/// <summary>A way to learn a <see cref="IBinaryClassifier"/> from rows and 0/1 labels, deterministically for a seed.</summary>
public interface IBinaryLearner
{
    /// <summary>Name printed in evaluations and stored in model files.</summary>
    string Name { get; }

    IBinaryClassifier Fit(FeatureMatrix x, double[] labels, int seed);

    /// <summary>
    /// The same, told which rows belong together (an account observed on several dates). A learner that holds rows
    /// out of its own training, as the trees do for early stopping, must hold out whole groups: a held-out row whose
    /// account also trains is nearly a copy of a training row, so the hold-out would keep approving more trees long
    /// after new accounts stopped gaining from them. Learners that hold nothing out ignore the groups.
    /// </summary>
    /// <param name="groups">One key per row, or null when every row stands alone.</param>
    IBinaryClassifier Fit(FeatureMatrix x, double[] labels, int seed, IReadOnlyList<string>? groups) => Fit(x, labels, seed);
}
