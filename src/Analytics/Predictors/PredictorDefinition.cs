namespace ChurnWatch.Analytics.Predictors;

/// <summary>One documented model predictor.</summary>
/// <param name="Name">snake_case name, stable across runs: models refer to predictors by it.</param>
/// <param name="Description">What the value means, in the units it is computed in.</param>
/// <param name="Source">The entity it comes from.</param>
/// <param name="IsCountLike">
/// True for non-negative, right-skewed counts and amounts; the standardiser applies <c>log1p</c> to them so a few very
/// large accounts do not dominate the fit.
/// </param>
public sealed record PredictorDefinition(string Name, string Description, PredictorSource Source, bool IsCountLike)
{
    /// <summary>True when the predictor comes from an entity a company may not provide (its value is then NaN).</summary>
    public bool IsFromOptionalEntity => Source is PredictorSource.Tickets or PredictorSource.Invoices or PredictorSource.PaymentAttempts;
}
