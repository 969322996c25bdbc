using ChurnWatch.Worker.Pages;
using ChurnWatch.Worker.Pages.Reports;

namespace ChurnWatch.Worker.Reports;

/// <summary>Writes <c>index.html</c>: one line per account manager with their totals and a link to their page (<see cref="ReportIndexPage"/>).</summary>
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
        return PageRenderer.Render<ReportIndexPage>(new Dictionary<string, object?>
        {
            [nameof(ReportIndexPage.AsOf)] = asOf,
            [nameof(ReportIndexPage.Reports)] = reports,
        });
    }
}
