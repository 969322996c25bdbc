namespace ChurnWatch.Analytics.Forecasting;

/// <summary>How accurate the renewal forecasts made a given number of months ahead were.</summary>
/// <param name="LeadMonths">Months between the forecast and the month forecast.</param>
/// <param name="Months">Months backtested.</param>
/// <param name="ArrDue">Total ARR due over those months.</param>
/// <param name="ExpectedRenewedArr">Total expected renewed ARR.</param>
/// <param name="ActualRenewedArr">Total renewed ARR.</param>
/// <param name="MeanAbsolutePercentError">Mean of the months' |expected - actual| / actual (months where something renewed); null without any.</param>
/// <param name="Bias">(total expected - total actual) / total actual: positive = the forecasts were too optimistic; null when nothing renewed.</param>
/// <param name="Coverage">Share of months whose actual fell within the model's P10 to P90 of independent renewals; null without months.</param>
public sealed record RenewalBacktestSummary(
    int LeadMonths,
    int Months,
    decimal ArrDue,
    decimal ExpectedRenewedArr,
    decimal ActualRenewedArr,
    double? MeanAbsolutePercentError,
    double? Bias,
    double? Coverage)
{
    /// <summary>The model's expected renewed ARR, error and bias, as the baselines' are given.</summary>
    public ForecastAccuracy Model => new(ExpectedRenewedArr, MeanAbsolutePercentError, Bias);

    /// <summary>The trailing-rate baseline made at the same forecast dates; null when the months lack it.</summary>
    public ForecastAccuracy? TrailingRate { get; init; }

    /// <summary>The "everything renews" baseline (renewed ARR = ARR due) over the same months.</summary>
    public ForecastAccuracy? EverythingRenews { get; init; }

    /// <summary>The forecast finance would have been handed (its method and range as at each date); null when the months lack it.</summary>
    public CalibratedAccuracy? Calibrated { get; init; }
}
