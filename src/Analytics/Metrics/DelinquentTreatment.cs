namespace ChurnWatch.Analytics.Metrics;

/// <summary>How the metrics count an account whose invoice is long past due.</summary>
public enum DelinquentTreatment
{
    /// <summary>Its MRR counts as usual until its subscription ends (most billing systems do this).</summary>
    CountAsActive = 0,

    /// <summary>
    /// Its MRR is left out while it is delinquent: it shows as churn in the month it became delinquent and as
    /// reactivation when it pays (conservative; some finance teams prefer it).
    /// </summary>
    CountAsChurned = 1,
}
