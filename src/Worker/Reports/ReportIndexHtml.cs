using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>Writes <c>index.html</c>: one line per account manager with their totals and a link to their page.</summary>
internal static class ReportIndexHtml
{
    /// <summary>Writes the index for the managers' <paramref name="reports"/> of <paramref name="asOf"/>.</summary>
    public static void Write(DateOnly asOf, IReadOnlyList<WeeklyRiskReport> reports, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(asOf, reports));
    }

    /// <summary>The index page as a string.</summary>
    public static string Render(DateOnly asOf, IReadOnlyList<WeeklyRiskReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var managers = reports.Select(ManagerSummary.From)
            .OrderByDescending(m => m.ArrAtRisk)
            .ThenBy(m => m.OwnerEmail, StringComparer.Ordinal)
            .ToList();
        var staleSources = reports.SelectMany(r => r.Sources).Where(s => s.IsStale).Select(s => s.Source)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Weekly risk reports \u2013 ").Append(HtmlText.Date(asOf)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<header class=\"page\"><div><h1>Weekly risk reports</h1><p class=\"sub\">As of <strong>").Append(HtmlText.Date(asOf))
            .Append("</strong> \u00b7 ").Append(HtmlText.Encode(managers.Count.ToString(CultureInfo.InvariantCulture))).Append(" account managers</p></div></header>\n");

        if (staleSources.Count > 0)
        {
            html.Append("<div class=\"warning\" role=\"alert\" id=\"stale-warning\"><strong>Stale data warning.</strong> These sources had not delivered new data in time: ")
                .Append(string.Join(", ", staleSources.Select(HtmlText.Encode))).Append(". See each report for details.</div>\n");
        }

        var currency = reports.Count > 0 ? reports[0].Conventions.Currency : string.Empty;
        html.Append("<table class=\"managers\">\n<thead><tr><th>Account manager</th><th class=\"num\">Accounts</th><th class=\"num\">High risk</th><th class=\"num\">ARR (")
            .Append(HtmlText.Encode(currency)).Append(")</th><th class=\"num\">ARR at risk</th><th class=\"num\">Share at risk</th><th>Largest ARR at risk</th><th>Table</th></tr></thead>\n<tbody>\n");
        if (managers.Count == 0)
            html.Append("<tr><td colspan=\"8\" class=\"empty\">No reports were produced.</td></tr>\n");
        foreach (var m in managers)
        {
            var share = m.Arr == 0 ? 0 : (double)(m.ArrAtRisk / m.Arr);
            html.Append("<tr><td><a href=\"").Append(HtmlText.Encode(m.FileName)).Append("\">").Append(HtmlText.Encode(m.OwnerEmail)).Append("</a></td>")
                .Append("<td class=\"num\">").Append(HtmlText.Count(m.Accounts)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Count(m.HighRiskAccounts)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Money(m.Arr)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Money(m.ArrAtRisk)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Percent(share, 1)).Append("</td>")
                .Append("<td>").Append(TopAccount(m.TopAccount)).Append("</td>")
                .Append("<td><a href=\"").Append(HtmlText.Encode(ReportFileName.CsvForOwner(m.OwnerEmail))).Append("\">CSV</a></td></tr>\n");
        }

        if (managers.Count > 0)
        {
            var arr = managers.Sum(m => m.Arr);
            var atRisk = managers.Sum(m => m.ArrAtRisk);
            html.Append("<tr><td><strong>Total</strong></td><td class=\"num\"><strong>").Append(HtmlText.Count(managers.Sum(m => m.Accounts)))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Count(managers.Sum(m => m.HighRiskAccounts)))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Money(arr))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Money(atRisk))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Percent(arr == 0 ? 0 : (double)(atRisk / arr), 1)).Append("</strong></td><td></td><td></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (managers.Count > 0)
        {
            html.Append("<figure>").Append(HtmlText.InlineSvg(BarChart.Draw(ByManager(reports, currency), new ChartSize(Math.Max(560, 80 + (managers.Count * 90)), 320))))
                .Append("<figcaption>ARR at risk (ARR \u00d7 churn probability) of each account manager\u2019s accounts, split by risk band.</figcaption></figure>\n");
        }

        html.Append("<footer><p>ARR at risk = the sum over accounts of ARR \u00d7 churn probability (an expected loss). ")
            .Append("Each manager's page states the conventions, data freshness and model accuracy behind its numbers.</p></footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string TopAccount(AccountRiskRow? row) =>
        row is null
            ? "<span class=\"small\">\u2013</span>"
            : "<span class=\"acct\">" + HtmlText.Encode(row.Name) + "</span> <span class=\"small\">" + HtmlText.Money(row.ArrAtRisk) + " at risk, "
                + HtmlText.Percent(row.ChurnProbability) + " churn</span>";

    /// <summary>ARR at risk per manager, stacked by band, managers in the table's order; negative ARR (credits) counts as none, as in <see cref="RenewalMonths"/>.</summary>
    private static BarChartData ByManager(IReadOnlyList<WeeklyRiskReport> reports, string currency)
    {
        var ordered = reports.OrderByDescending(r => r.Kpis.ArrAtRisk).ThenBy(r => r.OwnerEmail, StringComparer.Ordinal).ToList();
        RiskBand[] bands = [RiskBand.High, RiskBand.Medium, RiskBand.Low];
        return new BarChartData(
            "ARR at risk by account manager",
            // The part before the @ is what colleagues call each other; the full address is in the table.
            ordered.Select(r => r.OwnerEmail.Split('@')[0]).ToList(),
            bands.Select(b => new ChartSeries(b + " risk", ordered.Select(r => (double)r.Accounts.Where(a => a.Band == b).Sum(a => Math.Max(0, a.ArrAtRisk))).ToList())).ToList(),
            Stacked: true,
            "Account manager",
            "ARR at risk (" + currency + ")",
            ValueFormat.Compact,
            [ChartPalette.RiskHigh, ChartPalette.RiskMedium, ChartPalette.RiskLow]);
    }
}
