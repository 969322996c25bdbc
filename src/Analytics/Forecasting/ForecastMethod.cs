namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Which way of forecasting gives the figure finance is handed (see <see cref="ForecastCalibration"/>).</summary>
public enum ForecastMethod
{
    /// <summary>The churn and renewal models' probabilities alone: given where no backtest ran, with the range of independent outcomes.</summary>
    Model,

    /// <summary>The trailing-rate baseline alone: too few months had settled before the forecast date to size a range or show the model adds anything.</summary>
    TrailingRate,

    /// <summary>The mean of the model and the trailing rate: what finance is handed once the backtest has settled months.</summary>
    Combined,
}
