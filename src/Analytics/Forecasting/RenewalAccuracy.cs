namespace ChurnWatch.Analytics.Forecasting;

/// <summary>How close one way of forecasting renewed ARR (the model or a baseline) came to what renewed, over some months.</summary>
/// <param name="ExpectedRenewedArr">Total renewed ARR it forecast.</param>
/// <param name="MeanAbsolutePercentError">Mean of the months' |forecast - actual| / actual (months where something renewed); null without any.</param>
/// <param name="Bias">(total forecast - total actual) / total actual: positive = too optimistic; null when nothing renewed.</param>
public sealed record RenewalAccuracy(decimal ExpectedRenewedArr, double? MeanAbsolutePercentError, double? Bias)
{
    /// <summary>|forecast - actual| / actual; null when nothing renewed.</summary>
    public static double? AbsolutePercentError(decimal forecast, decimal actual) => actual == 0 ? null : (double)(Math.Abs(forecast - actual) / actual);

    /// <summary>The accuracy over <paramref name="months"/>, each a forecast and what renewed.</summary>
    public static RenewalAccuracy Of(IReadOnlyCollection<(decimal Forecast, decimal Actual)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var errors = months.Select(m => AbsolutePercentError(m.Forecast, m.Actual)).OfType<double>().ToList();
        var forecast = months.Sum(m => m.Forecast);
        var actual = months.Sum(m => m.Actual);
        return new RenewalAccuracy(forecast, errors.Count == 0 ? null : errors.Average(), actual == 0 ? null : (double)((forecast - actual) / actual));
    }
}
