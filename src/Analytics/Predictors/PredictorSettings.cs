namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// The choices that define some predictors. A trained model stores them so scoring computes exactly the predictors the
/// model was trained on.
/// </summary>
/// <param name="KeyFeatures">Product features whose adoption marks a successful onboarding (raw feature names).</param>
/// <param name="PlanTiers">Plan names from the lowest tier to the highest; <c>plan_tier</c> is the 1-based position.</param>
public sealed record PredictorSettings(IReadOnlyList<string> KeyFeatures, IReadOnlyList<string> PlanTiers);
