namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Where a forecast's P10-P90 range comes from.</summary>
public enum RangeBasis
{
    /// <summary>No range: too few settled months of past forecasts to size one (<see cref="ForecastCalibration.MinimumMonths"/>).</summary>
    None,

    /// <summary>
    /// A simulation of each renewal or account as an independent coin with its own probability: too narrow, because
    /// outcomes move together; given only where the backtest was not run.
    /// </summary>
    IndependentOutcomes,

    /// <summary>The spread of the forecast given's errors over the settled months before the forecast date (<see cref="ForecastCalibration"/>).</summary>
    PastErrors,
}
