using System.Globalization;
using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// The backtest's figures in sentences, as <c>churnwatch forecast renewals</c> prints them and the weekly forecast job
/// logs them: one line per lead time and method, then where the trailing rate had nothing to go on and where the
/// model's probabilities came from.
/// </summary>
internal static class RenewalBacktestLines
{
    public static IReadOnlyList<string> Of(RenewalForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>(CalibrationLines.Of("Renewals", [.. result.Total.Select(m => m.Month)], result.RenewalCalibration, "renewals"));
        foreach (var s in result.Summary)
        {
            foreach (var m in RenewalMethodAccuracy.Of(s))
            {
                var range = m.Coverage is { } coverage ? string.Create(inv, $", actual inside P10-P90 in {coverage:0%} of months") : string.Empty;
                if (m.Method == RenewalMethodAccuracy.Given && s.Calibrated is { } given)
                {
                    range = CalibrationLines.Given(given);
                }
                else if (m.Method == RenewalMethodAccuracy.Model && range.Length > 0)
                {
                    range += " (its range of independent renewals)";
                }

                lines.Add(string.Create(inv,
                    $"Backtest, forecasts made {s.LeadMonths} months ahead over {s.Months} past months, {m.Method}: mean absolute error {Percent(m.Accuracy.MeanAbsolutePercentError, "0.0%")}, bias {Percent(m.Accuracy.Bias, "+0.0%;-0.0%")}{range}."));
            }
        }

        if (result.BacktestDatesWithoutSettledRenewals > 0)
            lines.Add($"Backtest trailing rate: no renewal had settled in the {TrailingRenewalRate.WindowMonths} months before {result.BacktestDatesWithoutSettledRenewals} of the {result.BacktestDates} forecast dates with renewals due, so there it is 'everything renews'.");

        var sources = result.ProbabilitySources.Values.ToList();
        if (sources.Contains(RenewalForecastResult.ModelTrainedBeforeDate))
            lines.Add($"Backtest probabilities: models trained at {sources.Count(s => s == RenewalForecastResult.ModelTrainedBeforeDate)} of {sources.Count} forecast dates on the data before them (out-of-sample).");
        if (sources.Contains(RenewalForecastResult.CurrentModelInSample))
            lines.Add($"Backtest probabilities at {sources.Count(s => s == RenewalForecastResult.CurrentModelInSample)} of {sources.Count} forecast dates come from today's model applied to past dates: in-sample for the model, so the backtest flatters the forecast there.");
        return lines;
    }

    /// <summary>A share in <paramref name="format"/>, invariant culture; "n/a" when there is none.</summary>
    internal static string Percent(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
