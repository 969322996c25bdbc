using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports.Finance;

/// <summary>The renewal forecast for finance as one self-contained HTML page: the months ahead with their range, and how accurate past forecasts were.</summary>
internal static class RenewalForecastHtml
{
    /// <summary>The page, as a string.</summary>
    public static string Render(RenewalForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var months = result.Total;
        var first = months.Count > 0 ? months[0].Month : result.ScoresAsOf;
        var html = FinancePage.Open(
            "Renewal forecast",
            string.Create(CultureInfo.InvariantCulture, $"Renewals due in the {months.Count} months from {first:yyyy-MM}, weighted by the renewal probabilities scored on {result.ScoresAsOf:yyyy-MM-dd}. Amounts in {result.Currency}."),
            result.GeneratedAt);
        FinancePage.Sources(html, result.Sources, result.GeneratedAt);

        html.Append("<section class=\"tiles\" aria-label=\"Key figures\">\n");
        FinancePage.Tile(html, "Renewals due", HtmlText.Number(months.Sum(m => m.RenewalsDue), 0), "contracts, all months");
        FinancePage.Tile(html, "ARR due", HtmlText.MoneyShort(months.Sum(m => m.ArrDue)), "ARR of those contracts today");
        FinancePage.Tile(html, "Expected renewed ARR", HtmlText.MoneyShort(months.Sum(m => m.ExpectedRenewedArr)), "sum of ARR \u00d7 renewal probability");
        FinancePage.Tile(html, "Expected churned ARR", HtmlText.MoneyShort(months.Sum(m => m.ExpectedChurnedArr)), "ARR due \u2212 expected renewed");
        html.Append("</section>\n");

        html.Append("<h2>Month by month</h2>\n<div class=\"grid2\">\n<figure>")
            .Append(HtmlText.InlineSvg(LineChart.Draw(ForecastChart(months))))
            .Append("<figcaption>Expected renewed ARR per month with its P10\u2013P90 range (8 months in 10 should land inside it if the probabilities are right), against the ARR due.</figcaption></figure>\n<figure>")
            .Append(HtmlText.InlineSvg(BarChart.Draw(new BarChartData(
                "ARR due: expected to renew and to churn",
                [.. months.Select(m => m.Month.ToString("MMM yy", CultureInfo.InvariantCulture))],
                [
                    new ChartSeries("Expected renewed", [.. months.Select(m => (double)m.ExpectedRenewedArr)]),
                    new ChartSeries("Expected churned", [.. months.Select(m => (double)Math.Max(0, m.ExpectedChurnedArr))]),
                ],
                Stacked: true,
                "Month",
                "ARR",
                ValueFormat.Compact))))
            .Append("<figcaption>Each bar is the ARR due in the month, split into what is expected to renew and to churn.</figcaption></figure>\n</div>\n");
        MonthsTable(html, months, withSegment: false);

        if (result.BySegment is { } segments)
        {
            html.Append("<h2>By segment</h2>\n");
            MonthsTable(html, segments, withSegment: true);
        }

        Backtest(html, result);
        return FinancePage.Close(html, Conventions(result), result.GeneratedAt);
    }

    private static void MonthsTable(StringBuilder html, IReadOnlyList<RenewalForecastMonth> rows, bool withSegment)
    {
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>").Append(withSegment ? "<th>Segment</th>" : string.Empty)
            .Append("<th>Month</th><th class=\"num\">Renewals due</th><th class=\"num\">ARR due</th><th class=\"num\">Expected renewed ARR</th>")
            .Append("<th class=\"num\">P10</th><th class=\"num\">P90</th><th class=\"num\">Expected churned ARR</th></tr></thead>\n<tbody>\n");
        foreach (var m in rows)
        {
            html.Append("<tr>");
            if (withSegment)
                html.Append("<td>").Append(HtmlText.Encode(m.Segment)).Append("</td>");
            html.Append("<td class=\"month\">").Append(FinancePage.Month(m.Month)).Append("</td><td class=\"num\">").Append(HtmlText.Number(m.RenewalsDue, 0))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(m.ArrDue)).Append("</td><td class=\"num\">").Append(HtmlText.Money(m.ExpectedRenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(m.P10RenewedArr)).Append("</td><td class=\"num\">").Append(HtmlText.Money(m.P90RenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(m.ExpectedChurnedArr)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Backtest(StringBuilder html, RenewalForecastResult result)
    {
        html.Append("<h2>How accurate were past forecasts?</h2>\n");
        if (result.Backtest.Count == 0)
        {
            html.Append("<p class=\"empty\">The history is too short to replay forecasts of settled months.</p>\n");
            return;
        }

        var inSample = result.ProbabilitySources.Values.Count(v => v == RenewalForecastResult.CurrentModelInSample);
        var retrained = result.ProbabilitySources.Values.Count(v => v == RenewalForecastResult.ModelTrainedBeforeDate);
        html.Append("<p>Each settled past month was forecast again as it would have been ")
            .Append(HtmlText.Encode(string.Join(" and ", result.Summary.Select(s => s.LeadMonths.ToString(CultureInfo.InvariantCulture)))))
            .Append(" months before it: the contracts and ARR known at that date, weighted by renewal probabilities as of that date, against the ARR of those contracts that actually renewed.");
        if (retrained > 0)
        {
            html.Append(" <strong>Out-of-sample</strong> at ").Append(HtmlText.Number(retrained, 0)).Append(" of ").Append(HtmlText.Number(result.ProbabilitySources.Count, 0))
                .Append(" forecast dates: the models were trained again on the data known at each date, as a forecast made then would have been.");
        }

        if (inSample > 0)
        {
            html.Append(" <strong>In-sample</strong> at ").Append(HtmlText.Number(inSample, 0)).Append(" of ").Append(HtmlText.Number(result.ProbabilitySources.Count, 0))
                .Append(" forecast dates: today's model scored the features as of the date (the store held no scores from then, and the history before it was too short to train on, or --in-sample was asked for). ")
                .Append("That model was trained on those dates' outcomes, so there the figures are better than a forecast made at the time would have been.");
        }

        html.Append("</p>\n<table>\n<thead><tr><th>Made ahead</th><th class=\"num\">Months</th><th class=\"num\">ARR due</th><th class=\"num\">Expected renewed</th>")
            .Append("<th class=\"num\">Actually renewed</th><th class=\"num\">Mean abs. error</th><th class=\"num\">Bias</th><th class=\"num\">Inside P10\u2013P90</th></tr></thead>\n<tbody>\n");
        foreach (var s in result.Summary)
        {
            html.Append("<tr><td>").Append(HtmlText.Number(s.LeadMonths, 0)).Append(" months</td><td class=\"num\">").Append(HtmlText.Number(s.Months, 0))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(s.ArrDue)).Append("</td><td class=\"num\">").Append(HtmlText.Money(s.ExpectedRenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(s.ActualRenewedArr)).Append("</td><td class=\"num\">").Append(FinancePage.Percent(s.MeanAbsolutePercentError))
                .Append("</td><td class=\"num\">").Append(FinancePage.Percent(s.Bias)).Append("</td><td class=\"num\">").Append(FinancePage.Percent(s.Coverage)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"small\">Mean abs. error: the mean over months of |expected \u2212 actual| / actual. Bias: (total expected \u2212 total actual) / total actual, positive when the forecasts were too optimistic. ")
            .Append("Inside P10\u2013P90: an honest range holds about 80% of months.</p>\n<div class=\"grid2\">\n");
        foreach (var lead in result.Summary.Select(s => s.LeadMonths))
        {
            var rows = result.Backtest.Where(r => r.LeadMonths == lead).ToList();
            html.Append("<figure>").Append(HtmlText.InlineSvg(LineChart.Draw(BacktestChart(rows, lead))))
                .Append("<figcaption>Forecasts made ").Append(HtmlText.Number(lead, 0)).Append(" months ahead: expected renewed ARR with its P10\u2013P90 range, and what renewed.</figcaption></figure>\n");
        }

        html.Append("</div>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>Month</th><th class=\"num\">Made ahead</th><th>Forecast date</th><th class=\"num\">Due</th><th class=\"num\">ARR due</th>")
            .Append("<th class=\"num\">Expected</th><th class=\"num\">P10</th><th class=\"num\">P90</th><th class=\"num\">Renewed</th><th class=\"num\">Renewed ARR</th><th class=\"num\">Error</th><th>In range</th></tr></thead>\n<tbody>\n");
        foreach (var r in result.Backtest.OrderBy(r => r.LeadMonths).ThenBy(r => r.Month))
        {
            html.Append("<tr><td class=\"month\">").Append(FinancePage.Month(r.Month)).Append("</td><td class=\"num\">").Append(HtmlText.Number(r.LeadMonths, 0))
                .Append("</td><td>").Append(HtmlText.Date(r.ForecastDate)).Append("</td><td class=\"num\">").Append(HtmlText.Number(r.RenewalsDue, 0))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(r.ArrDue)).Append("</td><td class=\"num\">").Append(HtmlText.Money(r.ExpectedRenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(r.P10RenewedArr)).Append("</td><td class=\"num\">").Append(HtmlText.Money(r.P90RenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Number(r.ActualRenewals, 0)).Append("</td><td class=\"num\">").Append(HtmlText.Money(r.ActualRenewedArr))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(r.Error)).Append("</td><td>").Append(r.InsideRange ? "yes" : "<strong>no</strong>").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static LineChartData ForecastChart(IReadOnlyList<RenewalForecastMonth> months) => new(
        "Expected renewed ARR per month",
        [
            new LineSeries("ARR due", [.. months.Select((m, i) => new ChartPoint(i, (double)m.ArrDue))], Dashed: true),
            new LineSeries("Expected renewed ARR", [.. months.Select((m, i) => new ChartPoint(i, (double)m.ExpectedRenewedArr))], Markers: true),
        ],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90 range", [.. months.Select((m, i) => new BandPoint(i, (double)m.P10RenewedArr, (double)m.P90RenewedArr))]),
        YFormat: ValueFormat.Compact,
        XDomain: (0, Math.Max(1, months.Count - 1)),
        XTickLabel: MonthLabel([.. months.Select(m => m.Month)]));

    private static LineChartData BacktestChart(List<RenewalBacktestMonth> rows, int lead) => new(
        string.Create(CultureInfo.InvariantCulture, $"Forecasts made {lead} months ahead vs what renewed"),
        [
            new LineSeries("Expected renewed ARR", [.. rows.Select((r, i) => new ChartPoint(i, (double)r.ExpectedRenewedArr))], Dashed: true),
            new LineSeries("Actually renewed ARR", [.. rows.Select((r, i) => new ChartPoint(i, (double)r.ActualRenewedArr))], Markers: true),
        ],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90 range", [.. rows.Select((r, i) => new BandPoint(i, (double)r.P10RenewedArr, (double)r.P90RenewedArr))]),
        YFormat: ValueFormat.Compact,
        XDomain: (0, Math.Max(1, rows.Count - 1)),
        XTickLabel: MonthLabel([.. rows.Select(r => r.Month)]));

    // Ticks fall on whole month indexes for these short axes; anything between two months gets no label.
    private static Func<double, string> MonthLabel(IReadOnlyList<DateOnly> months) => x =>
    {
        var i = (int)Math.Round(x);
        return Math.Abs(x - i) < 1e-9 && i >= 0 && i < months.Count ? months[i].ToString("MMM yy", CultureInfo.InvariantCulture) : string.Empty;
    };

    private static IEnumerable<string> Conventions(RenewalForecastResult result)
    {
        yield return "Renewals due: each account with a subscription running on the scoring date and a contractual renewal date, counted in the month of its next renewal only; month-to-month accounts have none. ARR = 12 \u00d7 MRR of its running subscriptions, in "
            + HtmlText.Encode(result.Currency) + ", summed as stored (never converted).";
        yield return "Expected renewed ARR = the sum over contracts of ARR \u00d7 the calibrated renewal probability of the latest scoring ("
            + HtmlText.Date(result.ScoresAsOf) + "); accounts without a renewal-model probability are weighed by 1 \u2212 their churn probability.";
        yield return "P10\u2013P90: the 10th and 90th percentiles of renewed ARR from "
            + HtmlText.Number(RenewalForecaster.Simulations, 0) + " seeded simulations per month that treat renewals as independent; the same scores always give the same range. Months' P10s do not add up to a P10 of the total.";
        yield return "A contract counts as renewed when the account is still a customer " + HtmlText.Number(result.GraceDays, 0)
            + " days (the grace period) after its renewal date; renewed ARR in the backtest is the ARR at the forecast date of the contracts that renewed.";
        yield return "Backtest probabilities: scores stored for the forecast date when an earlier run made them; otherwise models trained on the history as known at that date (out-of-sample); where that history is too short to train on (or with --in-sample), today's model applied to the features as of that date (in-sample: it learned from those outcomes). The backtest CSV names the source of every row.";
    }
}
