namespace ChurnWatch.Analytics.Forecasting;

/// <summary>How the forecast handed to finance (<see cref="CalibratedForecast"/>) did over backtest months.</summary>
/// <param name="Accuracy">Its amount, mean absolute error and bias over every month.</param>
/// <param name="Coverage">Share of the months with a range whose actual fell inside P10-P90; null without any.</param>
/// <param name="MonthsWithRange">Months that had a range (the rest had too little settled history before them).</param>
/// <param name="CombinedMonths">Months where the model and the trailing rate were combined; the trailing rate alone was used in the rest.</param>
public sealed record CalibratedAccuracy(ForecastAccuracy Accuracy, double? Coverage, int MonthsWithRange, int CombinedMonths)
{
    /// <summary>
    /// Its accuracy over the <see cref="CombinedMonths"/> only; null without any. The other months had too little
    /// history for anything but the trailing rate, often "everything renews" (nothing had settled yet), and their
    /// errors say nothing of the combined forecast's.
    /// </summary>
    public ForecastAccuracy? WhenCombined { get; init; }

    /// <summary>The trailing rate's accuracy over the same <see cref="CombinedMonths"/>, to judge it by; null without any.</summary>
    public ForecastAccuracy? TrailingRateWhenCombined { get; init; }

    /// <summary>The accuracy over <paramref name="months"/>, each the forecast handed over, the trailing rate's amount and what happened.</summary>
    public static CalibratedAccuracy Of(IReadOnlyCollection<(CalibratedForecast Forecast, decimal TrailingRate, decimal Actual)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var inside = months.Select(m => m.Forecast.Inside(m.Actual)).OfType<bool>().ToList();
        var combined = months.Where(m => m.Forecast.Method == ForecastMethod.Combined).ToList();
        return new CalibratedAccuracy(
            ForecastAccuracy.Of([.. months.Select(m => (m.Forecast.Amount, m.Actual))]),
            inside.Count == 0 ? null : (double)inside.Count(i => i) / inside.Count,
            inside.Count,
            combined.Count)
        {
            WhenCombined = combined.Count == 0 ? null : ForecastAccuracy.Of([.. combined.Select(m => (m.Forecast.Amount, m.Actual))]),
            TrailingRateWhenCombined = combined.Count == 0 ? null : ForecastAccuracy.Of([.. combined.Select(m => (m.TrailingRate, m.Actual))]),
        };
    }
}
