using System.Text;

namespace ChurnWatch.Worker.Reports.Finance;

/// <summary>
/// The frame of the finance pages (renewal forecast, SaaS metrics): one self-contained HTML document with the shared
/// inline style sheet, the data as-of table and a conventions footer. No scripts and nothing fetched, so a page can
/// be mailed, archived and opened offline; every value goes through <see cref="HtmlText"/>.
/// </summary>
internal static class FinancePage
{
    // What only these pages need, kept here so the shared sheet stays the weekly report's.
    private const string ExtraCss = "td.month{white-space:nowrap}\n";

    /// <summary>Starts the document and its header. <paramref name="title"/> and <paramref name="subtitle"/> are plain text.</summary>
    public static StringBuilder Open(string title, string subtitle, DateTime generatedAt)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append(ExtraCss).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<header class=\"page\">\n<div>\n<h1>").Append(HtmlText.Encode(title)).Append("</h1>\n")
            .Append("<p class=\"sub\">").Append(HtmlText.Encode(subtitle)).Append("</p>\n</div>\n")
            .Append("<div class=\"meta\">Generated ").Append(HtmlText.Instant(generatedAt)).Append("</div>\n</header>\n");
        return html;
    }

    /// <summary>The as-of time of every source, with a warning above it when one is stale.</summary>
    public static void Sources(StringBuilder html, IReadOnlyList<SourceAsOf> sources, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(sources);
        var stale = sources.Where(s => s.IsStale).ToList();
        if (stale.Count > 0)
        {
            html.Append("<div class=\"warning\" role=\"alert\"><strong>Stale data warning.</strong> These sources have not delivered new data in time, so the figures may be out of date: ")
                .Append(string.Join(", ", stale.Select(s => HtmlText.Encode(s.Source) + " (" + HtmlText.Duration(s.AgeAt(generatedAt)) + " old)")))
                .Append(".</div>\n");
        }

        html.Append("<h2>Data as of</h2>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Newest data</th><th>Last ingest</th><th>Status</th></tr></thead>\n<tbody>\n");
        if (sources.Count == 0)
            html.Append("<tr><td colspan=\"4\" class=\"empty\">No source information was recorded.</td></tr>\n");
        foreach (var source in sources)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(source.Source)).Append("</td><td>").Append(HtmlText.Instant(source.NewestData))
                .Append("</td><td>").Append(HtmlText.Instant(source.LastIngest)).Append("</td><td>")
                .Append(source.IsStale ? "<span class=\"status stale\">stale</span>" : "<span class=\"status ok\">ok</span>").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A key figure tile. <paramref name="value"/> and <paramref name="note"/> must already be encoded.</summary>
    public static void Tile(StringBuilder html, string label, string value, string note)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<div class=\"tile\"><div class=\"label\">").Append(HtmlText.Encode(label)).Append("</div><div class=\"value\">")
            .Append(value).Append("</div><div class=\"note\">").Append(note).Append("</div></div>\n");
    }

    /// <summary>Ends the document with the conventions. Each item must already be encoded.</summary>
    public static string Close(StringBuilder html, IEnumerable<string> conventions, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(conventions);
        html.Append("<footer>\n<strong>Conventions used on this page</strong>\n<ul>\n");
        foreach (var item in conventions)
        {
            html.Append("<li>").Append(item).Append("</li>\n");
        }

        html.Append("</ul>\n<p>Generated ").Append(HtmlText.Instant(generatedAt)).Append(" by ChurnWatch.</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A month as 2026-03, for axis ticks and table cells (encoded).</summary>
    public static string Month(DateOnly month) => HtmlText.Encode(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A ratio as a percentage with one decimal, or a dash when undefined (encoded).</summary>
    public static string Percent(double? value) => value is { } v ? HtmlText.Percent(v, 1) : "\u2013";
}
