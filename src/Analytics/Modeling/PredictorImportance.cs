namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// How much a model leans on one feature, measured on rows it did not train on (the backtest's test period).
/// </summary>
/// <param name="Predictor">The feature's documented name.</param>
/// <param name="MeanAbsoluteContribution">Mean |contribution| to the logit: how far the feature moves scores.</param>
/// <param name="PermutationAucDrop">
/// Mean AUC lost when the feature's values are shuffled: how much accuracy depends on it. Correlated features share
/// this credit (shuffling one leaves the other), so a small value does not prove a feature useless.
/// </param>
/// <param name="PermutationAucDropSpread">Standard deviation of that loss over the seeded shuffles.</param>
public sealed record PredictorImportance(string Predictor, double MeanAbsoluteContribution, double PermutationAucDrop, double PermutationAucDropSpread);
