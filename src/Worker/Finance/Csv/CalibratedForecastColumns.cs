using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>
/// The forecast handed to finance (<see cref="CalibratedForecast"/>), as the last columns of the renewal and
/// month-to-month forecasts and their backtests: its method (combined, or the trailing rate alone early on), its amount
/// and a range sized from past errors (docs/exports.md).
/// </summary>
internal static class CalibratedForecastColumns
{
    public static IReadOnlyList<string> Names { get; } = ["forecast_method", "forecast", "forecast_p10", "forecast_p50", "forecast_p90", "range_basis", "range_months"];

    /// <summary>The backtest's: <see cref="Names"/> and whether the actual fell inside the range.</summary>
    public static IReadOnlyList<string> BacktestNames { get; } = [.. Names, "forecast_inside_range"];

    public static void Write(CsvWriter csv, CalibratedForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(forecast);
        CsvExport.Text(csv, Method(forecast.Method));
        csv.WriteField(forecast.Amount, CsvExport.MoneyFormat);
        csv.WriteField(forecast.P10, CsvExport.MoneyFormat);
        csv.WriteField(forecast.P50, CsvExport.MoneyFormat);
        csv.WriteField(forecast.P90, CsvExport.MoneyFormat);
        CsvExport.Text(csv, Basis(forecast.Basis));
        csv.WriteField(forecast.PastMonths, string.Empty);
    }

    /// <summary>Writes <see cref="BacktestNames"/>' cells; all empty when the row has no calibrated forecast.</summary>
    public static void WriteBacktest(CsvWriter csv, CalibratedForecast? forecast, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (forecast is null)
        {
            foreach (var _ in BacktestNames)
                csv.WriteField(string.Empty);
            return;
        }

        Write(csv, forecast);
        CsvExport.Text(csv, forecast.Inside(actual) switch { true => "true", false => "false", null => null });
    }

    /// <summary>The method as the CSVs write it: <c>combined</c>, <c>model</c> or <c>trailing_rate</c>.</summary>
    public static string Method(ForecastMethod method) => method switch
    {
        ForecastMethod.Combined => "combined",
        ForecastMethod.Model => "model",
        _ => "trailing_rate",
    };

    /// <summary>The range's basis as the CSVs write it: <c>past_errors</c>, <c>independent_outcomes</c> or <c>none</c>.</summary>
    public static string Basis(RangeBasis basis) => basis switch
    {
        RangeBasis.PastErrors => "past_errors",
        RangeBasis.IndependentOutcomes => "independent_outcomes",
        _ => "none",
    };
}
