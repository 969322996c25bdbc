using System.Globalization;
using System.Text;

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
        html.Append("<table>\n<thead><tr><th>Account manager</th><th class=\"num\">Accounts</th><th class=\"num\">High risk</th><th class=\"num\">ARR (")
            .Append(HtmlText.Encode(currency)).Append(")</th><th class=\"num\">ARR at risk</th><th class=\"num\">Share at risk</th></tr></thead>\n<tbody>\n");
        if (managers.Count == 0)
            html.Append("<tr><td colspan=\"6\" class=\"empty\">No reports were produced.</td></tr>\n");
        foreach (var m in managers)
        {
            var share = m.Arr == 0 ? 0 : (double)(m.ArrAtRisk / m.Arr);
            html.Append("<tr><td><a href=\"").Append(HtmlText.Encode(m.FileName)).Append("\">").Append(HtmlText.Encode(m.OwnerEmail)).Append("</a></td>")
                .Append("<td class=\"num\">").Append(HtmlText.Encode(m.Accounts.ToString(CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Encode(m.HighRiskAccounts.ToString(CultureInfo.InvariantCulture))).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Money(m.Arr)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Money(m.ArrAtRisk)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Percent(share, 1)).Append("</td></tr>\n");
        }

        if (managers.Count > 0)
        {
            var arr = managers.Sum(m => m.Arr);
            var atRisk = managers.Sum(m => m.ArrAtRisk);
            html.Append("<tr><td><strong>Total</strong></td><td class=\"num\"><strong>").Append(HtmlText.Encode(managers.Sum(m => m.Accounts).ToString(CultureInfo.InvariantCulture)))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Encode(managers.Sum(m => m.HighRiskAccounts).ToString(CultureInfo.InvariantCulture)))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Money(arr))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Money(atRisk))
                .Append("</strong></td><td class=\"num\"><strong>").Append(HtmlText.Percent(arr == 0 ? 0 : (double)(atRisk / arr), 1)).Append("</strong></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<footer><p>ARR at risk = the sum over accounts of ARR \u00d7 churn probability (an expected loss). ")
            .Append("Each manager's page states the conventions, data freshness and model accuracy behind its numbers.</p></footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
