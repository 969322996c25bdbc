namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Which way of forecasting gives the figure finance is handed (see <see cref="ForecastCalibration"/>).</summary>
public enum ForecastMethod
{
    /// <summary>The churn and renewal models' probabilities.</summary>
    Model,

    /// <summary>The trailing-rate baseline: the model has not beaten it over the settled months before the forecast date.</summary>
    TrailingRate,
}
