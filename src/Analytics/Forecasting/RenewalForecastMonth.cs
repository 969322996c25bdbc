namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Renewals due in one calendar month and what finance can expect of them.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="RenewalsDue">Contracts whose renewal date falls in the month.</param>
/// <param name="ArrDue">ARR of those contracts (12 x MRR).</param>
/// <param name="ExpectedRenewedArr">Sum over contracts of ARR x renewal probability.</param>
/// <param name="ExpectedChurnedArr">ArrDue - ExpectedRenewedArr.</param>
/// <param name="P10RenewedArr">10th percentile of renewed ARR (independent renewals).</param>
/// <param name="P90RenewedArr">90th percentile of renewed ARR.</param>
/// <param name="Segment">The segment the row is for; null for all segments together.</param>
public sealed record RenewalForecastMonth(
    DateOnly Month,
    int RenewalsDue,
    decimal ArrDue,
    decimal ExpectedRenewedArr,
    decimal ExpectedChurnedArr,
    decimal P10RenewedArr,
    decimal P90RenewedArr,
    string? Segment = null)
{
    /// <summary>Median of renewed ARR, from the same simulation as P10 and P90.</summary>
    public decimal P50RenewedArr { get; init; }

    /// <summary>The "everything renews" baseline: every contract due renews, so renewed ARR = ARR due.</summary>
    public decimal EverythingRenewsArr => ArrDue;

    /// <summary>The trailing-rate baseline: ARR due x the trailing renewal rate of each contract's segment; null when not asked for.</summary>
    public decimal? TrailingRateRenewedArr { get; init; }

    /// <summary>Which trailing rate the baseline applied; null when not asked for.</summary>
    public TrailingRateBasis? TrailingRateBasis { get; init; }

    /// <summary>
    /// The forecast handed to finance: the method and range the backtest chose (<see cref="ForecastCalibration"/>);
    /// without a backtest, the model's expectation with the range of independent renewals.
    /// </summary>
    public CalibratedForecast Calibrated
    {
        get => _calibrated ?? new CalibratedForecast(ForecastMethod.Model, ExpectedRenewedArr, P10RenewedArr, P50RenewedArr, P90RenewedArr, RangeBasis.IndependentOutcomes, 0);
        init => _calibrated = value;
    }

    private readonly CalibratedForecast? _calibrated;
}
