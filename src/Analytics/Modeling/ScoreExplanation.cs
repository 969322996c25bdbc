namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A model's output for one account: the probability and its decomposition. The contributions add up to
/// <see cref="Logit"/> - <see cref="Intercept"/>.
/// </summary>
/// <param name="Probability">Predicted probability of the target.</param>
/// <param name="Logit">log(p / (1 - p)).</param>
/// <param name="Intercept">The model's intercept.</param>
/// <param name="Contributions">One per feature, in the model's feature order.</param>
public sealed record ScoreExplanation(double Probability, double Logit, double Intercept, IReadOnlyList<FeatureContribution> Contributions);
