using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Pages;
using ChurnWatch.Worker.Pages.Finance;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Finance;

/// <summary>The SaaS metrics as one self-contained HTML page (<see cref="SaasMetricsPage"/>): the MRR bridge, the rates and the cohort table, with the conventions printed.</summary>
internal static class SaasMetricsHtml
{
    /// <summary>The page, as a string.</summary>
    public static string Render(SaasMetricsReport report, IReadOnlyList<SourceAsOf> sources, string currency, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sources);
        return PageRenderer.Render<SaasMetricsPage>(new Dictionary<string, object?>
        {
            [nameof(SaasMetricsPage.Report)] = report,
            [nameof(SaasMetricsPage.Sources)] = sources,
            [nameof(SaasMetricsPage.Currency)] = currency,
            [nameof(SaasMetricsPage.GeneratedAt)] = generatedAt,
        });
    }
}
