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
        List<string> lines =
        [
            string.Create(inv,
                $"Month-to-month revenue: {last.Accounts} accounts without a renewal date, MRR {last.MrrAtForecast:#,0}; expected kept at the end of {last.Month:yyyy-MM} {last.ExpectedMrrKept:#,0} (P10 {last.P10MrrKept:#,0}, P90 {last.P90MrrKept:#,0}); {rate} {result.Currency}."),
        ];
        foreach (var s in result.MonthToMonthSummary)
        {
            var coverage = s.Coverage is { } c ? string.Create(inv, $", actual inside P10-P90 in {c:0%} of months") : string.Empty;
            lines.Add(string.Create(inv,
                $"Month-to-month backtest, {s.LeadMonths} months ahead over {s.Months} past months: model mean absolute error {RenewalBacktestLines.Percent(s.Model.MeanAbsolutePercentError, "0.0%")}, bias {RenewalBacktestLines.Percent(s.Model.Bias, "+0.0%;-0.0%")}{coverage}; trailing rate mean absolute error {RenewalBacktestLines.Percent(s.TrailingRate.MeanAbsolutePercentError, "0.0%")}, bias {RenewalBacktestLines.Percent(s.TrailingRate.Bias, "+0.0%;-0.0%")}."));
        }

        return lines;
    }
}
