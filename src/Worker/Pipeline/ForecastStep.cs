using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Finance.Csv;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// Writes what finance comes for into Output:Folder: the renewal forecast with its month-to-month revenue, backtest and
/// page, and the SaaS metrics, as <c>churnwatch forecast renewals</c> and <c>churnwatch metrics</c> write them. The one
/// writer of these files: the weekly reports do not write a forecast of their own, so finance never finds a file
/// computed another way in its place.
/// </summary>
internal sealed class ForecastStep(RenewalForecastService forecasts, SaasMetricsService metrics, IOptions<OutputOptions> output)
{
    /// <summary>Months in the renewal forecast.</summary>
    public const int ForecastMonths = 12;

    /// <summary>Complete months of SaaS metrics (as <c>churnwatch metrics</c> by default).</summary>
    public const int MetricsMonths = 12;

    /// <param name="backtestMonths">
    /// Past months to backtest, which also choose the method and size the range of the forecast given; 0 gives the
    /// model with its range of independent renewals, marked as such (the demo, to stay short).
    /// </param>
    /// <param name="cancellationToken">Cancels the backtest and between files.</param>
    public async Task<ForecastStepResult> RunAsync(int backtestMonths, CancellationToken cancellationToken)
    {
        var folder = output.Value.Folder;
        Directory.CreateDirectory(folder);
        var forecast = await forecasts.RunAsync(new RenewalForecastRequest(ForecastMonths, BySegment: false, backtestMonths), cancellationToken).ConfigureAwait(false);
        var files = new List<string>(FinanceFiles.WriteForecast(forecast, Path.Combine(folder, RenewalForecastCsv.FileName)));
        var saas = await metrics.RunAsync(MetricsMonths, cancellationToken).ConfigureAwait(false);
        files.AddRange(FinanceFiles.WriteMetrics(saas, Path.Combine(folder, FinanceFiles.MetricsFileName)));
        return new ForecastStepResult(forecast, saas, files);
    }
}
