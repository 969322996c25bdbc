namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// How much a model leans on one predictor, measured on rows it did not train on (the backtest's test period).
/// </summary>
/// <param name="Predictor">The predictor's documented name.</param>
/// <param name="MeanAbsoluteContribution">Mean |contribution| to the logit: how far the predictor moves scores.</param>
/// <param name="PermutationAucDrop">
/// Mean AUC lost when the predictor's values are shuffled: how much accuracy depends on it. Correlated predictors share
/// this credit (shuffling one leaves the other), so a small value does not prove a predictor useless.
/// </param>
/// <param name="PermutationAucDropSpread">Standard deviation of that loss over the seeded shuffles.</param>
public sealed record PredictorImportance(string Predictor, double MeanAbsoluteContribution, double PermutationAucDrop, double PermutationAucDropSpread);
