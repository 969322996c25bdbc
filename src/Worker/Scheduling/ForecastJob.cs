using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The renewal forecast (with its backtest) and the SaaS metrics, as <c>churnwatch forecast renewals</c> and
/// <c>churnwatch metrics</c> write them, into Output:Folder; the rows are the CSVs' rows. The backtest's accuracy, the
/// model's beside the baselines', goes to the log in the command's words.
/// </summary>
internal sealed partial class ForecastJob(
    ScoreJob score,
    ScoreStore scoreStore,
    ForecastStep step,
    IOptions<ScheduleOptions> schedule,
    ILogger<ForecastJob> logger) : IScheduledJob
{
    public const string Name = "forecast";

    public static JobDefinition Definition { get; } = new(
        Name,
        "write the renewal forecast (renewal_forecast.csv, renewal_forecast_backtest.csv, renewal_forecast_month_to_month.csv, renewal_forecast_month_to_month_backtest.csv, renewal_forecast.html), the SaaS metrics (saas_metrics.csv, saas_metrics_cohorts.csv, saas_metrics.html) and data_freshness.csv; scores first if the store was never scored",
        null,
        [new(nameof(ScheduleOptions.Forecast), Name, Chain: false, o => o.Forecast)],
        typeof(ForecastJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        // The forecast weighs each renewal by the latest stored scores: a store never scored is scored first.
        if (await scoreStore.LatestAsOfAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await score.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        var written = await step.RunAsync(schedule.Value.ForecastBacktestMonths, cancellationToken).ConfigureAwait(false);
        foreach (var line in RenewalBacktestLines.Of(written.Forecast).Concat(MonthToMonthLines.Of(written.Forecast)))
        {
            LogBacktest(logger, Name, line);
        }

        return written.Forecast.Total.Count + written.Forecast.Backtest.Count + written.Metrics.Report.Months.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Backtest}")]
    private static partial void LogBacktest(ILogger logger, string job, string backtest);
}
