namespace ChurnWatch.Analytics.Metrics;

/// <summary>How the metrics count a customer who signs up and cancels within one calendar month.</summary>
public enum SameMonthCancellation
{
    /// <summary>Left out of the MRR bridge (it was never a customer at a month end); counted in its own column.</summary>
    Exclude = 0,

    /// <summary>Its first MRR is added to both new and churned MRR, so the bridge shows the business won and lost.</summary>
    CountAsNewAndChurn = 1,
}
