using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>Links to the files in Output:Folder: the weekly reports and their index, the forecast, metrics and exports.</summary>
internal static class ReportsPage
{
    public static string Render(IReadOnlyDictionary<string, FileInfo> files, string folder)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"sub\">Files written by the reports, forecast, metrics and export jobs into ").Append(HtmlText.Encode(folder)).Append(", served read-only.</p>");
        Section(html, "Weekly risk reports", "weekly-reports", files.Where(f => f.Key.StartsWith("reports/", StringComparison.Ordinal)));
        Section(html, "Forecast, metrics and exports", "other-files", files.Where(f => !f.Key.StartsWith("reports/", StringComparison.Ordinal)));
        return DashboardLayout.Page("Reports", "/reports", html.ToString());
    }

    private static void Section(StringBuilder html, string title, string id, IEnumerable<KeyValuePair<string, FileInfo>> files)
    {
        var list = files.ToList();
        html.Append("<h2>").Append(HtmlText.Encode(title)).Append("</h2>");
        if (list.Count == 0)
        {
            html.Append("<p>None yet.</p>");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table id=\"").Append(id).Append("\"><thead><tr><th>file</th><th>written</th><th class=\"num\">size</th></tr></thead><tbody>");
        foreach (var (path, file) in list)
        {
            html.Append("<tr><td><a href=\"/files/").Append(string.Join('/', path.Split('/').Select(DashboardLayout.Query))).Append("\">").Append(HtmlText.Encode(path)).Append("</a></td><td>")
                .Append(HtmlText.Instant(file.LastWriteTimeUtc)).Append("</td><td class=\"num\">").Append(HtmlText.Encode((file.Length / 1024.0).ToString("#,##0.0", CultureInfo.InvariantCulture))).Append(" KB</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }
}
