using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Pages;
using ChurnWatch.Worker.Pages.Finance;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Finance;

/// <summary>The renewal forecast for finance as one self-contained HTML page (<see cref="RenewalForecastPage"/>): the months ahead with their range, and how accurate past forecasts were.</summary>
internal static class RenewalForecastHtml
{
    /// <summary>The page, as a string.</summary>
    public static string Render(RenewalForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PageRenderer.Render<RenewalForecastPage>(new Dictionary<string, object?> { [nameof(RenewalForecastPage.Result)] = result });
    }
}
