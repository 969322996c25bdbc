namespace ChurnWatch.Analytics.Modeling;

/// <summary>What a model predicts.</summary>
public enum ModelTarget
{
    /// <summary>The account churns within the horizon after the observation date.</summary>
    Churn = 0,
    /// <summary>The account is not a customer at its next renewal date + grace (contracts only).</summary>
    NonRenewal = 1,
}
