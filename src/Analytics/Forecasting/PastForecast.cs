namespace ChurnWatch.Analytics.Forecasting;

/// <summary>One backtest month as the calibration reads it: what the model and the trailing rate forecast, and what happened.</summary>
/// <param name="LeadMonths">How many months ahead the forecast was made.</param>
/// <param name="SettledOn">The first day its outcome was known (the month's end plus the grace period): no forecast made before it may learn from it.</param>
/// <param name="Model">The model's expected amount.</param>
/// <param name="TrailingRate">The trailing-rate baseline's amount.</param>
/// <param name="Actual">What renewed or was kept.</param>
public readonly record struct PastForecast(int LeadMonths, DateOnly SettledOn, decimal Model, decimal TrailingRate, decimal Actual)
{
    /// <summary>The day a month's outcome is known: its last renewal or churn is decided a grace period after the month ends.</summary>
    public static DateOnly SettledDay(DateOnly month, int graceDays) =>
        new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(graceDays);
}
