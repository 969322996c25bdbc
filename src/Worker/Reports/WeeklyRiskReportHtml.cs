using ChurnWatch.Worker.Pages;
using ChurnWatch.Worker.Pages.Reports;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// Writes one account manager's weekly risk report (<see cref="WeeklyReportPage"/>) as a single self-contained HTML
/// page: inline CSS and SVG, no scripts, no fonts or images to fetch, so it can be archived and printed as it is.
/// </summary>
internal static class WeeklyRiskReportHtml
{
    /// <summary>Writes the page for <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(WeeklyRiskReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report));
    }

    /// <summary>The page for <paramref name="report"/>, as a string.</summary>
    public static string Render(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PageRenderer.Render<WeeklyReportPage>(new Dictionary<string, object?> { [nameof(WeeklyReportPage.Report)] = report });
    }
}
