namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Which renewal rate the trailing-rate baseline applied to a row's contracts.</summary>
public enum TrailingRateBasis
{
    /// <summary>The segment's own trailing rate (it had enough settled renewals).</summary>
    Segment,

    /// <summary>The whole company's trailing rate (the segment had too few settled renewals, or the row has no segment).</summary>
    Company,

    /// <summary>A row of several segments: some at their own rate, some at the company's.</summary>
    SegmentAndCompany,

    /// <summary>No renewal had settled in the window: the baseline is "everything renews" (a rate of 1).</summary>
    EverythingRenews,
}
