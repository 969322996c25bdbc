using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports.Finance;

/// <summary>The SaaS metrics as one self-contained HTML page: the MRR bridge, the rates and the cohort table, with the conventions printed.</summary>
internal static class SaasMetricsHtml
{
    /// <summary>The page, as a string.</summary>
    public static string Render(SaasMetricsReport report, IReadOnlyList<SourceAsOf> sources, string currency, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sources);
        var months = report.Months;
        var html = FinancePage.Open(
            "SaaS metrics",
            string.Create(CultureInfo.InvariantCulture, $"{months.Count} complete months, {months[0].Month:yyyy-MM} to {months[^1].Month:yyyy-MM}. Amounts in {currency}."),
            generatedAt);
        html.Append("<p class=\"small\"><strong>Conventions:</strong> ").Append(HtmlText.Encode(report.Options.Describe())).Append(". Details at the foot of the page.</p>\n");
        FinancePage.Sources(html, sources, generatedAt);

        var last = months[^1];
        var start = months[0].StartMrr;
        var end = last.EndMrr;
        html.Append("<section class=\"tiles\" aria-label=\"Key figures\">\n");
        FinancePage.Tile(html, "MRR", HtmlText.MoneyShort(end), "at the end of " + FinancePage.Month(last.Month));
        FinancePage.Tile(html, "MRR growth", FinancePage.Percent(start == 0 ? null : (double)((end - start) / start)), "over the " + HtmlText.Number(months.Count, 0) + " months");
        FinancePage.Tile(html, "NRR, last month", FinancePage.Percent(last.NetRevenueRetention), "GRR " + FinancePage.Percent(last.GrossRevenueRetention));
        FinancePage.Tile(html, "Logo churn, last month", FinancePage.Percent(last.LogoChurnRate), HtmlText.Number(last.ChurnedCustomers, 0) + " of " + HtmlText.Number(last.CustomersStart, 0) + " customers");
        html.Append("</section>\n");

        html.Append("<h2>MRR bridge</h2>\n<div class=\"grid2\">\n<figure>")
            .Append(HtmlText.InlineSvg(BarChart.Draw(new BarChartData(
                "MRR movements per month",
                [.. months.Select(m => m.Month.ToString("MMM yy", CultureInfo.InvariantCulture))],
                [
                    // Four series: the palette has four colours, and a fifth would repeat the first.
                    new ChartSeries("New and reactivation", [.. months.Select(m => (double)(m.NewMrr + m.ReactivationMrr))]),
                    new ChartSeries("Expansion", [.. months.Select(m => (double)m.ExpansionMrr)]),
                    new ChartSeries("Churn", [.. months.Select(m => -(double)m.ChurnedMrr)]),
                    new ChartSeries("Contraction", [.. months.Select(m => -(double)m.ContractionMrr)]),
                ],
                Stacked: false,
                "Month",
                "MRR",
                ValueFormat.Compact))))
            .Append("<figcaption>Gains above zero, losses below it, per month.</figcaption></figure>\n<figure>")
            .Append(HtmlText.InlineSvg(LineChart.Draw(new LineChartData(
                "Revenue retention per month",
                [
                    new LineSeries("NRR", [.. Points(months, m => m.NetRevenueRetention)], Markers: true),
                    new LineSeries("GRR", [.. Points(months, m => m.GrossRevenueRetention)], Markers: true),
                ],
                "Month",
                "Retention",
                YFormat: ValueFormat.Percent,
                XDomain: (0, Math.Max(1, months.Count - 1)),
                // Monthly retention sits near 100%: an axis from zero would flatten every difference worth seeing.
                YDomain: RetentionDomain(months),
                XTickLabel: x => MonthLabel(months, x)))))
            .Append("<figcaption>Monthly net and gross revenue retention of the MRR each month started with.</figcaption></figure>\n</div>\n");

        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Month</th><th class=\"num\">Start MRR</th><th class=\"num\">+ New</th><th class=\"num\">+ Expansion</th>")
            .Append("<th class=\"num\">\u2212 Contraction</th><th class=\"num\">\u2212 Churn</th><th class=\"num\">+ Reactivation</th><th class=\"num\">= End MRR</th>")
            .Append("</tr></thead>\n<tbody>\n");
        foreach (var m in months)
        {
            html.Append("<tr><td class=\"month\">").Append(FinancePage.Month(m.Month)).Append("</td>");
            foreach (var amount in new[] { m.StartMrr, m.NewMrr, m.ExpansionMrr, m.ContractionMrr, m.ChurnedMrr, m.ReactivationMrr, m.EndMrr })
            {
                html.Append("<td class=\"num\">").Append(HtmlText.Money(amount)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n<h2>Churn and retention</h2>\n<div class=\"table-wrap\"><table>\n<thead><tr><th>Month</th><th class=\"num\">Customers</th><th class=\"num\">New</th><th class=\"num\">Reactivated</th><th class=\"num\">Churned</th>")
            .Append("<th class=\"num\">Signed up and cancelled</th><th class=\"num\">Logo churn</th><th class=\"num\">Gross MRR churn</th><th class=\"num\">Net MRR churn</th><th class=\"num\">GRR</th><th class=\"num\">NRR</th></tr></thead>\n<tbody>\n");
        foreach (var m in months)
        {
            html.Append("<tr><td class=\"month\">").Append(FinancePage.Month(m.Month)).Append("</td><td class=\"num\">").Append(HtmlText.Number(m.CustomersStart, 0)).Append(" \u2192 ").Append(HtmlText.Number(m.CustomersEnd, 0)).Append("</td>");
            foreach (var count in new[] { m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers, m.SignedUpAndCancelled })
            {
                html.Append("<td class=\"num\">").Append(HtmlText.Number(count, 0)).Append("</td>");
            }

            foreach (var rate in new[] { m.LogoChurnRate, m.GrossMrrChurn, m.NetMrrChurn, m.GrossRevenueRetention, m.NetRevenueRetention })
            {
                html.Append("<td class=\"num\">").Append(FinancePage.Percent(rate)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
        Cohorts(html, report);
        return FinancePage.Close(html, Conventions(report.Options, currency), generatedAt);
    }

    private static void Cohorts(StringBuilder html, SaasMetricsReport report)
    {
        html.Append("<h2>Cohort retention</h2>\n<p>Customers grouped by the month of their first paid subscription. Each cell is the cohort's MRR at the end of the month, as a share of the MRR it started with (in brackets: the share of its customers still active).</p>\n");
        if (report.Cohorts.Count == 0)
        {
            html.Append("<p class=\"empty\">No customer started in these months.</p>\n");
            return;
        }

        var width = report.Cohorts.Max(c => c.MonthsSinceStart) + 1;
        html.Append("<div class=\"table-wrap\"><table class=\"calibration\">\n<thead><tr><th>Cohort</th><th class=\"num\">Customers</th><th class=\"num\">Starting MRR</th>");
        for (var k = 0; k < width; k++)
        {
            html.Append("<th class=\"num\">M").Append(HtmlText.Number(k, 0)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var cohort in report.Cohorts.GroupBy(c => c.Cohort).OrderBy(g => g.Key))
        {
            var cells = cohort.OrderBy(c => c.MonthsSinceStart).ToList();
            html.Append("<tr><td>").Append(FinancePage.Month(cohort.Key)).Append("</td><td class=\"num\">").Append(HtmlText.Number(cells[0].Accounts, 0))
                .Append("</td><td class=\"num\">").Append(HtmlText.Money(cells[0].StartingMrr)).Append("</td>");
            for (var k = 0; k < width; k++)
            {
                html.Append("<td class=\"num\">");
                if (k < cells.Count)
                    html.Append(FinancePage.Percent(cells[k].MrrRetention)).Append("<br><span class=\"small\">(").Append(FinancePage.Percent(cells[k].LogoRetention)).Append(")</span>");
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static IEnumerable<ChartPoint> Points(IReadOnlyList<MrrMonth> months, Func<MrrMonth, double?> value)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (value(months[i]) is { } v)
                yield return new ChartPoint(i, v);
        }
    }

    private static (double Min, double Max) RetentionDomain(IReadOnlyList<MrrMonth> months)
    {
        var values = months.SelectMany(m => new[] { m.NetRevenueRetention, m.GrossRevenueRetention }).OfType<double>().ToList();
        return values.Count == 0 ? (0, 1.2) : (Math.Min(0.9, values.Min()), Math.Max(1.05, values.Max()));
    }

    private static string MonthLabel(IReadOnlyList<MrrMonth> months, double x)
    {
        var i = (int)Math.Round(x);
        return Math.Abs(x - i) < 1e-9 && i >= 0 && i < months.Count ? months[i].Month.ToString("MMM yy", CultureInfo.InvariantCulture) : string.Empty;
    }

    private static IEnumerable<string> Conventions(MetricsOptions options, string currency)
    {
        yield return "MRR: the recurring monthly amount of the subscriptions running at the last instant of each month, after discounts (prepaid plans spread over their months, one-time charges excluded), in "
            + HtmlText.Encode(currency) + ". A month's movements compare each customer's MRR at the end of the month before with its MRR at the end of the month (a subscription starting on the 1st is new in that month; one running to the end of a month is lost in the next), so start + new + expansion \u2212 contraction \u2212 churn + reactivation = end exactly, and changes that undo each other within a month net out.";
        yield return "New: a customer with MRR for the first time. Reactivation: a former customer paying again. Churn: a customer at the start with no MRR at the end (cancelling one of several subscriptions is contraction).";
        yield return "Grace period (Metrics:GraceDays = " + HtmlText.Number(options.GraceDays, 0)
            + " days): a customer whose last subscription ended and who subscribes again within it did not churn; its MRR is carried through the gap. The latest month can still change if a customer returns within the grace period.";
        yield return options.Delinquent == DelinquentTreatment.CountAsChurned
            ? "Delinquent accounts (Metrics:Delinquent = CountAsChurned): an account with an invoice unpaid " + HtmlText.Number(options.DelinquentAfterDays, 0) + " days or more after its due date has no MRR while it stays unpaid (churn, then reactivation when it pays)."
            : "Delinquent accounts (Metrics:Delinquent = CountAsActive): unpaid invoices do not change MRR; an account counts until its subscription ends.";
        yield return options.SameMonthSignupAndCancel == SameMonthCancellation.CountAsNewAndChurn
            ? "Same-month sign-up and cancel (Metrics:SameMonthSignupAndCancel = CountAsNewAndChurn): the first MRR of such a customer is in both new and churned MRR; the customer is not in the logo churn rate."
            : "Same-month sign-up and cancel (Metrics:SameMonthSignupAndCancel = Exclude): such customers were never customers at a month end, so they are in no MRR figure; the CSV counts them (signed_up_and_cancelled).";
        yield return "Logo churn rate = customers churned in the month (those who joined in it excluded) / customers at the start. Gross MRR churn = (churn + contraction) / start MRR. Net MRR churn = (churn + contraction \u2212 expansion \u2212 reactivation) / start MRR.";
        yield return "GRR = (start MRR \u2212 contraction \u2212 churn) / start MRR. NRR = (start MRR + expansion \u2212 contraction \u2212 churn) / start MRR; both are monthly.";
    }
}
