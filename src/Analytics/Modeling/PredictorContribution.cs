namespace ChurnWatch.Analytics.Modeling;

/// <summary>A predictor's share of an account's logit.</summary>
/// <param name="Predictor">Predictor name.</param>
/// <param name="RawValue">The predictor's raw value (NaN when absent).</param>
/// <param name="Contribution">Sum of coefficient x standardised value over the predictor's columns (value and missing indicator).</param>
public sealed record PredictorContribution(string Predictor, double RawValue, double Contribution);
