namespace ChurnWatch.Analytics.Forecasting;

/// <summary>A forecast of one past month's renewals, made some months before it, against what happened.</summary>
/// <param name="Month">First day of the month forecast.</param>
/// <param name="LeadMonths">How many months before the month the forecast was made.</param>
/// <param name="ForecastDate">The date the forecast was made as of (a Monday): only data before it was used.</param>
/// <param name="RenewalsDue">Contracts whose renewal, as known at the forecast date, fell in the month.</param>
/// <param name="ArrDue">Their ARR at the forecast date.</param>
/// <param name="ExpectedRenewedArr">Sum of ARR x renewal probability as of the forecast date.</param>
/// <param name="P10RenewedArr">10th percentile of renewed ARR.</param>
/// <param name="P90RenewedArr">90th percentile of renewed ARR.</param>
/// <param name="ActualRenewals">Of those contracts, how many renewed.</param>
/// <param name="ActualRenewedArr">Their ARR at the forecast date (the amount the forecast was about).</param>
public sealed record RenewalBacktestMonth(
    DateOnly Month,
    int LeadMonths,
    DateOnly ForecastDate,
    int RenewalsDue,
    decimal ArrDue,
    decimal ExpectedRenewedArr,
    decimal P10RenewedArr,
    decimal P90RenewedArr,
    int ActualRenewals,
    decimal ActualRenewedArr)
{
    /// <summary>Expected - actual renewed ARR: positive when the forecast was too optimistic.</summary>
    public decimal Error => ExpectedRenewedArr - ActualRenewedArr;

    /// <summary>|Error| / actual renewed ARR; null when nothing renewed.</summary>
    public double? AbsolutePercentError => ForecastAccuracy.AbsolutePercentError(ExpectedRenewedArr, ActualRenewedArr);

    /// <summary>True when the actual renewed ARR fell within P10 to P90 (both ends included).</summary>
    public bool InsideRange => ActualRenewedArr >= P10RenewedArr && ActualRenewedArr <= P90RenewedArr;

    /// <summary>Median of renewed ARR, from the same simulation as P10 and P90.</summary>
    public decimal P50RenewedArr { get; init; }

    /// <summary>The "everything renews" baseline made at the forecast date: the ARR due.</summary>
    public decimal EverythingRenewsArr => ArrDue;

    /// <summary>
    /// The trailing-rate baseline made at the forecast date: ARR due x the renewal rate of the 12 months settled before
    /// it (<see cref="TrailingRenewalRate"/>); null when not computed.
    /// </summary>
    public decimal? TrailingRateRenewedArr { get; init; }

    /// <summary>Which trailing rate the baseline applied; null when not computed.</summary>
    public TrailingRateBasis? TrailingRateBasis { get; init; }

    /// <summary>
    /// The forecast finance would have been handed at the forecast date: the method and range the months settled before
    /// it chose (<see cref="ForecastCalibration"/>); null when not computed.
    /// </summary>
    public CalibratedForecast? Calibrated { get; init; }

    /// <summary>The month as the calibration of later forecasts reads it.</summary>
    public PastForecast Past(int graceDays) =>
        new(LeadMonths, PastForecast.SettledDay(Month, graceDays), ExpectedRenewedArr, TrailingRateRenewedArr ?? ArrDue, ActualRenewedArr);
}
