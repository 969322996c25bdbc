namespace ChurnWatch.Analytics.Scoring;

/// <summary>Coarse risk band shown to account managers next to the probability.</summary>
public enum RiskBand
{
    /// <summary>Churn probability below the medium threshold.</summary>
    Low = 0,
    /// <summary>Between the medium and high thresholds.</summary>
    Medium = 1,
    /// <summary>At or above the high threshold.</summary>
    High = 2,
}
