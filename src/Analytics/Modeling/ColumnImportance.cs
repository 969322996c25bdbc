namespace ChurnWatch.Analytics.Modeling;

/// <summary>How much a model relies on one predictor column.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Importance">
/// Permutation importance: mean drop in AUC when the column is shuffled (can be slightly negative for a useless
/// column). Contribution importance: mean absolute contribution, in the model's logit units.
/// </param>
/// <param name="StandardDeviation">Spread of the drop over the shuffles (population form); 0 for contributions.</param>
public sealed record ColumnImportance(string Column, double Importance, double StandardDeviation);
