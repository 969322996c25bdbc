namespace ChurnWatch.Analytics.Forecasting;

/// <summary>The forecast finance is handed for one month: the method the backtest chose, its amount and its range.</summary>
/// <param name="Method">Model or trailing rate.</param>
/// <param name="Amount">Renewed ARR or month-to-month MRR kept, by that method.</param>
/// <param name="P10">10th percentile; null without a range.</param>
/// <param name="P50">Median; null without a range.</param>
/// <param name="P90">90th percentile; null without a range.</param>
/// <param name="Basis">Where the range comes from.</param>
/// <param name="PastMonths">Settled months of past forecasts the range was sized from.</param>
public sealed record CalibratedForecast(ForecastMethod Method, decimal Amount, decimal? P10, decimal? P50, decimal? P90, RangeBasis Basis, int PastMonths)
{
    /// <summary>True when <paramref name="actual"/> fell within P10 to P90 (both ends included); null without a range.</summary>
    public bool? Inside(decimal actual) => P10 is { } low && P90 is { } high ? actual >= low && actual <= high : null;
}
