namespace ChurnWatch.Analytics.Forecasting;

/// <summary>How the forecast handed to finance (<see cref="CalibratedForecast"/>) did over backtest months.</summary>
/// <param name="Accuracy">Its amount, mean absolute error and bias over every month.</param>
/// <param name="Coverage">Share of the months with a range whose actual fell inside P10-P90; null without any.</param>
/// <param name="MonthsWithRange">Months that had a range (the rest had too little settled history before them).</param>
/// <param name="CombinedMonths">Months where the model and the trailing rate were combined; the trailing rate alone was used in the rest.</param>
public sealed record CalibratedAccuracy(ForecastAccuracy Accuracy, double? Coverage, int MonthsWithRange, int CombinedMonths)
{
    /// <summary>The accuracy over <paramref name="months"/>, each the forecast handed over and what happened.</summary>
    public static CalibratedAccuracy Of(IReadOnlyCollection<(CalibratedForecast Forecast, decimal Actual)> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var inside = months.Select(m => m.Forecast.Inside(m.Actual)).OfType<bool>().ToList();
        return new CalibratedAccuracy(
            ForecastAccuracy.Of([.. months.Select(m => (m.Forecast.Amount, m.Actual))]),
            inside.Count == 0 ? null : (double)inside.Count(i => i) / inside.Count,
            inside.Count,
            months.Count(m => m.Forecast.Method == ForecastMethod.Combined));
    }
}
