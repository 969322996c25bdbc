namespace ChurnWatch.Analytics.Forecasting;

/// <summary>How the month-to-month forecasts made at one lead time did, with the trailing-rate baseline beside them.</summary>
/// <param name="LeadMonths">The lead time.</param>
/// <param name="Months">Months forecast.</param>
/// <param name="ActualMrrKept">MRR kept at the months' ends, summed.</param>
/// <param name="Model">The model's accuracy.</param>
/// <param name="TrailingRate">The trailing churn rate's accuracy.</param>
/// <param name="Coverage">Share of months whose actual fell inside the model's P10-P90; null without months.</param>
public sealed record MonthToMonthBacktestSummary(int LeadMonths, int Months, decimal ActualMrrKept, ForecastAccuracy Model, ForecastAccuracy TrailingRate, double? Coverage)
{
    /// <summary>The forecast finance would have been handed (its method and range as at each date); null when the months lack it.</summary>
    public CalibratedAccuracy? Calibrated { get; init; }
}
