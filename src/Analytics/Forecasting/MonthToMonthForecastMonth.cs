namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The month-to-month revenue still recurring at the end of one calendar month, of the accounts on monthly plans at the
/// forecast date: what a company on monthly plans can expect to keep.
/// </summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Accounts">Month-to-month accounts at the forecast date.</param>
/// <param name="MrrAtForecast">Their MRR at the forecast date.</param>
/// <param name="ExpectedMrrKept">Sum of MRR x probability that the account is still a customer at the month's end, from its churn probability.</param>
/// <param name="P10MrrKept">10th percentile of the MRR kept.</param>
/// <param name="P50MrrKept">Median of the MRR kept.</param>
/// <param name="P90MrrKept">90th percentile of the MRR kept.</param>
/// <param name="TrailingRateMrrKept">
/// The baseline: MRR at the forecast date x (1 - the trailing 12 months' monthly churn rate of month-to-month MRR) per
/// month elapsed; the MRR itself where no month had settled yet.
/// </param>
/// <param name="Segment">The segment the row is for; null for all segments together.</param>
public sealed record MonthToMonthForecastMonth(
    DateOnly Month,
    int Accounts,
    decimal MrrAtForecast,
    decimal ExpectedMrrKept,
    decimal P10MrrKept,
    decimal P50MrrKept,
    decimal P90MrrKept,
    decimal TrailingRateMrrKept,
    string? Segment = null)
{
    /// <summary>
    /// The forecast handed to finance: the method and range the backtest chose (<see cref="ForecastCalibration"/>);
    /// without a backtest, the model's expectation with the range of independent churns.
    /// </summary>
    public CalibratedForecast Calibrated
    {
        get => _calibrated ?? new CalibratedForecast(ForecastMethod.Model, ExpectedMrrKept, P10MrrKept, P50MrrKept, P90MrrKept, RangeBasis.IndependentOutcomes, 0);
        init => _calibrated = value;
    }

    private readonly CalibratedForecast? _calibrated;
}
