using System.Globalization;
using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// What the backtest says of today's forecast, in sentences, as <c>churnwatch forecast renewals</c> prints them, the
/// weekly forecast job logs them and the forecast page states them: per lead time, the months it serves, the method
/// used and how each did, and how wide the range is.
/// </summary>
internal static class CalibrationLines
{
    /// <param name="what">What is forecast: "Renewals", "Month-to-month revenue".</param>
    /// <param name="months">The forecast's months, first to last.</param>
    /// <param name="byLead">The calibration per lead time; null when the backtest was not run.</param>
    /// <param name="outcomes">What the independent coins are: "renewals", "churns".</param>
    public static IReadOnlyList<string> Of(string what, IReadOnlyList<DateOnly> months, IReadOnlyDictionary<int, ForecastCalibration?>? byLead, string outcomes)
    {
        ArgumentNullException.ThrowIfNull(months);
        var inv = CultureInfo.InvariantCulture;
        if (byLead is null || byLead.Count == 0)
        {
            return [$"{what}: the model's forecast with the P10-P90 of independent {outcomes}, too narrow because they move together; a backtest (--backtest-months, Schedule:ForecastBacktestMonths) combines the model with the trailing rate and sizes the range from past errors."];
        }

        var lines = new List<string>();
        foreach (var served in Enumerable.Range(0, months.Count).GroupBy(i => ForecastCalibration.NearestLead(byLead.Keys, i)).OrderBy(g => g.Key))
        {
            var lead = served.Key;
            var span = string.Create(inv, $"{months[served.First()]:yyyy-MM} to {months[served.Last()]:yyyy-MM}");
            lines.Add(byLead[lead] is { } c
                ? string.Create(inv,
                    $"{what} {span}, from the forecasts made {lead} months ahead over the {c.PastMonths} settled months before: {Method(ForecastMethod.Combined)} (mean absolute error there: combined {c.CombinedError:0.0%}, model {c.ModelError:0.0%}, trailing rate {c.TrailingRateError:0.0%}); P10-P90 from where the actuals fell around it there, {c.LowFactor:0.00} to {c.HighFactor:0.00} times the forecast.")
                : string.Create(inv,
                    $"{what} {span}: the trailing rate, without a range: fewer than {ForecastCalibration.MinimumMonths} forecasts made {lead} months ahead had settled, too few to show the model adds anything or to size a range."));
        }

        return lines;
    }

    /// <summary>
    /// What the forecast given was in the backtest, after its mean absolute error and bias over every month: in how
    /// many months it was combined, its figures and the trailing rate's over those months, and its range's coverage.
    /// </summary>
    public static string Given(CalibratedAccuracy given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var inv = CultureInfo.InvariantCulture;
        var combined = given is { WhenCombined: { } c, TrailingRateWhenCombined: { } t }
            ? string.Create(inv, $"; in those {given.CombinedMonths}: mean absolute error {RenewalBacktestLines.Percent(c.MeanAbsolutePercentError, "0.0%")} (trailing rate {RenewalBacktestLines.Percent(t.MeanAbsolutePercentError, "0.0%")}), bias {RenewalBacktestLines.Percent(c.Bias, "+0.0%;-0.0%")}")
            : string.Empty;
        var coverage = given.Coverage is { } inside
            ? string.Create(inv, $", actual inside P10-P90 in {inside:0%} of the {given.MonthsWithRange} months with a range")
            : ", no month with a range";
        return string.Create(inv, $" (the model and the trailing rate combined in {given.CombinedMonths} of them, the trailing rate alone in the rest{combined}){coverage}");
    }

    /// <summary>The method in words, as the lines and pages say it.</summary>
    public static string Method(ForecastMethod method) => method switch
    {
        ForecastMethod.Combined => "the mean of the model and the trailing rate",
        ForecastMethod.Model => "the model",
        _ => "the trailing rate",
    };
}
