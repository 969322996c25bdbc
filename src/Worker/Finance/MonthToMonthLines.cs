using System.Globalization;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// The month-to-month revenue forecast in sentences, as <c>churnwatch forecast renewals</c> prints them and the weekly
/// forecast job logs them: what is running and what is expected to be kept, then the backtest per lead time for the
/// model and the trailing-rate baseline.
/// </summary>
internal static class MonthToMonthLines
{
    public static IReadOnlyList<string> Of(RenewalForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var inv = CultureInfo.InvariantCulture;
        var months = result.MonthToMonth;
        if (months.Count == 0 || months[0].Accounts == 0)
        {
            return ["Month-to-month revenue: no running account without a renewal date."];
        }

        var last = months[^1];
        var rate = result.MonthToMonthChurnRate is { } r
            ? string.Create(inv, $"trailing rate ({r:0.0%} of month-to-month MRR churned a month over the last 12 settled months) {last.TrailingRateMrrKept:#,0}")
            : string.Create(inv, $"trailing rate: no month-to-month MRR in the last 12 settled months, so all {last.TrailingRateMrrKept:#,0} kept");
        var given = last.Calibrated;
        var range = given is { P10: { } p10, P90: { } p90 } ? string.Create(inv, $" (P10 {p10:#,0}, P90 {p90:#,0})") : " (no range)";
        List<string> lines =
        [
            string.Create(inv,
                $"Month-to-month revenue: {last.Accounts} accounts without a renewal date, MRR {last.MrrAtForecast:#,0}; forecast kept at the end of {last.Month:yyyy-MM} {given.Amount:#,0} by {CalibrationLines.Method(given.Method)}{range}; the model expects {last.ExpectedMrrKept:#,0}; {rate} {result.Currency}."),
            .. CalibrationLines.Of("Month-to-month revenue", [.. months.Select(m => m.Month)], result.MonthToMonthCalibration, "churns"),
        ];
        foreach (var s in result.MonthToMonthSummary)
        {
            var coverage = s.Coverage is { } c ? string.Create(inv, $", actual inside its P10-P90 of independent churns in {c:0%} of months") : string.Empty;
            var forecast = s.Calibrated is { } f
                ? string.Create(inv, $"forecast given mean absolute error {RenewalBacktestLines.Percent(f.Accuracy.MeanAbsolutePercentError, "0.0%")}, bias {RenewalBacktestLines.Percent(f.Accuracy.Bias, "+0.0%;-0.0%")}{CalibrationLines.Given(f)}; ")
                : string.Empty;
            lines.Add(string.Create(inv,
                $"Month-to-month backtest, {s.LeadMonths} months ahead over {s.Months} past months: {forecast}model mean absolute error {RenewalBacktestLines.Percent(s.Model.MeanAbsolutePercentError, "0.0%")}, bias {RenewalBacktestLines.Percent(s.Model.Bias, "+0.0%;-0.0%")}{coverage}; trailing rate mean absolute error {RenewalBacktestLines.Percent(s.TrailingRate.MeanAbsolutePercentError, "0.0%")}, bias {RenewalBacktestLines.Percent(s.TrailingRate.Bias, "+0.0%;-0.0%")}."));
        }

        return lines;
    }
}
