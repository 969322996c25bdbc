using System.Text.Json.Serialization;
using ChurnWatch.Analytics.Learning.Linear;

namespace ChurnWatch.Analytics.Learning;

/// <summary>A trained two-class model: a logit per row, explained exactly by per-column contributions.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LogisticClassifier), LogisticLearner.LearnerName)]
[JsonDerivedType(typeof(Trees.TreesClassifier), Trees.TreesLearner.LearnerName)]
public interface IBinaryClassifier
{
    /// <summary>The learner that made it, e.g. <c>logistic_regression_l2</c> or <c>gradient_boosted_trees</c>.</summary>
    string Learner { get; }

    /// <summary>The columns it expects, in order.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The raw (uncalibrated) log-odds of the positive class.</summary>
    double PredictLogit(ReadOnlySpan<double> row);

    /// <summary>
    /// One contribution per column, such that <paramref name="bias"/> plus their sum is exactly
    /// <see cref="PredictLogit"/> of the row.
    /// </summary>
    double[] Contributions(ReadOnlySpan<double> row, out double bias);
}
