namespace ChurnWatch.Analytics.Modeling;

/// <summary>A feature's share of an account's logit.</summary>
/// <param name="Predictor">Feature name.</param>
/// <param name="RawValue">The feature's raw value (NaN when absent).</param>
/// <param name="Contribution">Sum of coefficient x standardised value over the feature's columns (value and missing indicator).</param>
public sealed record PredictorContribution(string Predictor, double RawValue, double Contribution);
