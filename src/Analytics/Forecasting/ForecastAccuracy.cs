namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// How close one way of forecasting (the model or a baseline; renewed ARR, or month-to-month MRR kept) came to what
/// happened, over some months.
/// </summary>
/// <param name="Forecast">Total amount it forecast.</param>
/// <param name="MeanAbsolutePercentError">Mean of the months' |forecast - actual| / actual (months where the actual was above 0); null without any.</param>
/// <param name="Bias">(total forecast - total actual) / total actual: positive = too optimistic; null when the actual was 0.</param>
public sealed record ForecastAccuracy(decimal Forecast, double? MeanAbsolutePercentError, double? Bias)
{
    /// <summary>|forecast - actual| / actual; null when the actual was 0.</summary>
    public static double? AbsolutePercentError(decimal forecast, decimal actual) => actual == 0 ? null : (double)(Math.Abs(forecast - actual) / actual);

    /// <summary>The accuracy over <paramref name="months"/>, each a forecast and what renewed.</summary>
    public static ForecastAccuracy Of(IReadOnlyCollection<(decimal Forecast, decimal Actual)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var errors = months.Select(m => AbsolutePercentError(m.Forecast, m.Actual)).OfType<double>().ToList();
        var forecast = months.Sum(m => m.Forecast);
        var actual = months.Sum(m => m.Actual);
        return new ForecastAccuracy(forecast, errors.Count == 0 ? null : errors.Average(), actual == 0 ? null : (double)((forecast - actual) / actual));
    }
}
