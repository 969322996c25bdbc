namespace ChurnWatch.Analytics.Forecasting;

/// <summary>A past forecast of the month-to-month MRR kept at one month's end, made some months before, against what happened.</summary>
/// <param name="Month">First day of the month forecast.</param>
/// <param name="LeadMonths">How many months before the month the forecast was made.</param>
/// <param name="ForecastDate">The date the forecast was made as of: only data before it was used.</param>
/// <param name="Accounts">Month-to-month accounts at the forecast date.</param>
/// <param name="MrrAtForecast">Their MRR then.</param>
/// <param name="ExpectedMrrKept">The model's expected MRR kept at the month's end.</param>
/// <param name="P10MrrKept">10th percentile.</param>
/// <param name="P90MrrKept">90th percentile.</param>
/// <param name="TrailingRateMrrKept">The trailing-churn-rate baseline.</param>
/// <param name="ActualMrrKept">The MRR (as at the forecast date) of those accounts that had not churned by the month's end.</param>
public sealed record MonthToMonthBacktestMonth(
    DateOnly Month,
    int LeadMonths,
    DateOnly ForecastDate,
    int Accounts,
    decimal MrrAtForecast,
    decimal ExpectedMrrKept,
    decimal P10MrrKept,
    decimal P90MrrKept,
    decimal TrailingRateMrrKept,
    decimal ActualMrrKept)
{
    /// <summary>True when the actual MRR kept fell within P10 to P90 (both ends included).</summary>
    public bool InsideRange => ActualMrrKept >= P10MrrKept && ActualMrrKept <= P90MrrKept;

    /// <summary>
    /// The forecast finance would have been handed at the forecast date: the method and range the months settled before
    /// it chose (<see cref="ForecastCalibration"/>); null when not computed.
    /// </summary>
    public CalibratedForecast? Calibrated { get; init; }

    /// <summary>The month as the calibration of later forecasts reads it.</summary>
    public PastForecast Past(int graceDays) =>
        new(LeadMonths, PastForecast.SettledDay(Month, graceDays), ExpectedMrrKept, TrailingRateMrrKept, ActualMrrKept);
}
