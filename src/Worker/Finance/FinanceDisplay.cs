using System.Globalization;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Finance;

/// <summary>How the finance pages write months and ratios, as plain text (the components encode it).</summary>
internal static class FinanceDisplay
{
    /// <summary>A month as 2026-03, for table cells.</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>An amount, or a dash when there is none (a baseline not computed).</summary>
    public static string Money(decimal? value) => value is { } v ? Display.Money(v) : "\u2013";

    /// <summary>A ratio as a percentage with one decimal, or a dash when undefined (no customers, nothing renewed).</summary>
    public static string Percent(double? value) => value is { } v ? Display.Percent(v, 1) : "\u2013";

    /// <summary>
    /// The method of a forecast given and where its range came from, for a table cell: "combined", "model", "trailing rate", with
    /// "(independent)" where the range is that of independent outcomes and "(no range)" where there is none.
    /// </summary>
    public static string Method(CalibratedForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var method = forecast.Method switch
        {
            ForecastMethod.Combined => "combined",
            ForecastMethod.Model => "model",
            _ => "trailing rate",
        };
        return forecast.Basis switch
        {
            RangeBasis.IndependentOutcomes => method + " (independent)",
            RangeBasis.None => method + " (no range)",
            _ => method,
        };
    }
}
