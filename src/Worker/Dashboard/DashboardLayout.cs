using System.Text;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The frame of every dashboard page: the reports' inline style sheet plus a few rules for navigation and forms, and
/// no script or external asset, so it works offline and behind the strictest content security policy.
/// </summary>
internal static class DashboardLayout
{
    private const string Css = """
nav.top{display:flex;gap:18px;align-items:center;padding:10px 32px;background:var(--accent)}
nav.top a{color:#fff;text-decoration:none;font-weight:600}
nav.top a.here{text-decoration:underline}
nav.top .brand{margin-right:12px;font-size:16px}
form.inline{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:2px 0}
form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:14px 0}
form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
input,select,button{font:inherit;padding:3px 6px}
button{cursor:pointer;white-space:nowrap}
details summary{cursor:pointer;color:var(--accent);white-space:nowrap}
details[open]{min-width:300px}
.notice{margin:14px 0;padding:10px 14px;border-radius:6px;background:#e3f1e8;border:1px solid #9fc4ad}
.error{margin:14px 0;padding:10px 14px;border-radius:6px;background:var(--warn-bg);border:1px solid var(--warn-line)}
""";

    /// <summary>The pages in the navigation bar: path and label.</summary>
    private static readonly (string Path, string Label)[] Pages =
        [("/", "Overview"), ("/accounts", "Accounts"), ("/signals", "Signals"), ("/jobs", "Jobs"), ("/reports", "Reports")];

    /// <summary>A whole page: <paramref name="body"/> is HTML whose every value the caller has encoded.</summary>
    public static string Page(string title, string current, string body, string? notice = null, string? error = null)
    {
        var html = new StringBuilder(body.Length + 8192);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // An empty icon, so the browser does not ask for /favicon.ico and log a 404.
            .Append("<link rel=\"icon\" href=\"data:,\">")
            .Append("<title>").Append(HtmlText.Encode(title)).Append(" · ChurnWatch</title><style>").Append(ReportStyles.Css).Append(Css).Append("</style></head><body>")
            .Append("<nav class=\"top\"><span class=\"brand\"><a href=\"/\">ChurnWatch</a></span>");
        foreach (var (path, label) in Pages)
        {
            html.Append("<a href=\"").Append(path).Append('"').Append(path == current ? " class=\"here\"" : "").Append('>').Append(label).Append("</a>");
        }

        html.Append("</nav><main><header class=\"page\"><h1>").Append(HtmlText.Encode(title)).Append("</h1></header>");
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(HtmlText.Encode(notice)).Append("</p>");
        }

        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(HtmlText.Encode(error)).Append("</p>");
        }

        return html.Append(body).Append("</main></body></html>").ToString();
    }

    /// <summary>The hidden anti-forgery field every form that changes something carries.</summary>
    public static string TokenField(DashboardToken token) =>
        $"<input type=\"hidden\" name=\"{HtmlText.Encode(token.FieldName)}\" value=\"{HtmlText.Encode(token.Value)}\">";

    /// <summary>An encoded attribute-safe query string value.</summary>
    public static string Query(string value) => HtmlText.Encode(Uri.EscapeDataString(value));
}
