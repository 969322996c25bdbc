using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Reports.Csv;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Each scheduled job's work, as a plain method over the pipeline steps: it loads what the step needs from the store
/// (a job runs alone, possibly on another node than the job before it) and returns the rows it affected. Testable
/// without Quartz; every step it calls commits atomically and replaces, never duplicates, its period's results.
/// </summary>
internal sealed class ScheduledSteps(
    HistoryStore historyStore,
    ModelStore modelStore,
    IngestStep ingest,
    TrainingStep training,
    ScoringStep scoring,
    SignalStep signals,
    OutputStep outputs,
    IOptions<ModelingOptions> modeling,
    IOptions<SignalOptions> signalOptions,
    IOptions<OutputOptions> output,
    IOptions<Delivery.EmailOptions> email,
    Delivery.WeeklyReportDelivery delivery,
    ScoreStore scoreStore,
    RenewalForecastService forecasts,
    SaasMetricsService metrics,
    IOptions<ScheduleOptions> schedule) : IJobSteps
{
    /// <summary>Complete months of SaaS metrics the forecast job writes (as <c>churnwatch metrics</c> by default).</summary>
    public const int MetricsMonths = 12;

    public Task<long> RunAsync(string job, CancellationToken cancellationToken) => job switch
    {
        PipelineJobs.Ingest => IngestAsync(cancellationToken),
        PipelineJobs.Train => TrainAsync(cancellationToken),
        PipelineJobs.Score => ScoreAsync(cancellationToken),
        PipelineJobs.Signals => SignalsAsync(cancellationToken),
        PipelineJobs.Reports => ReportsAsync(cancellationToken),
        PipelineJobs.Forecast => ForecastAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, "No such job."),
    };

    public async Task<long> IngestAsync(CancellationToken cancellationToken)
    {
        var result = await ingest.RunAsync(IngestRequest.All, null, null, cancellationToken).ConfigureAwait(false);
        return result.Failed ? throw new SourceDataException(IngestMessages.Refused(result)) : result.TotalRows;
    }

    public async Task<long> TrainAsync(CancellationToken cancellationToken)
    {
        var history = await historyStore.LoadAsync(cancellationToken).ConfigureAwait(false);
        var models = await training.RunAsync(CompanyTimeline.Build(history), cancellationToken).ConfigureAwait(false);
        return models.Churn.TrainRows;
    }

    public async Task<long> ScoreAsync(CancellationToken cancellationToken)
    {
        var (history, timeline, models, asOf) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        _ = history;
        var scores = await scoring.RunAsync(timeline, models, asOf, cancellationToken).ConfigureAwait(false);
        return scores.Count;
    }

    public async Task<long> SignalsAsync(CancellationToken cancellationToken)
    {
        var (history, timeline, models, asOf) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(history, asOf);
        // The same scores as the score job stored for this date: the same model, data and as-of give the same numbers.
        var scores = ChurnModelWorkflow.Score(timeline, models, modeling.Value, asOf);
        var result = await signals.RunAsync(timeline, book, scores, models.Churn.FeatureSettings, asOf, cancellationToken).ConfigureAwait(false);
        return result.Found.Count;
    }

    public async Task<long> ReportsAsync(CancellationToken cancellationToken)
    {
        var (history, timeline, models, asOf) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(history, asOf);
        // The reports chart weekly active users from the activity; they need no score facts.
        var activity = AccountActivityBuilder.Build(timeline, asOf, models.Churn.FeatureSettings.KeyFeatures, signalOptions.Value)
            .Where(a => book.TryGet(a.AccountId, out _))
            .ToList();
        var scores = ChurnModelWorkflow.Score(timeline, models, modeling.Value, asOf);
        var result = await outputs.RunAsync(history, book, activity, scores, models, asOf, cancellationToken).ConfigureAwait(false);
        if (email.Value.Enabled)
        {
            // After the files are complete; a retry after a failed send rewrites the same files and sends only the
            // reports that did not go out (deliveries are recorded per week and manager).
            await delivery.SendAsync(null, resend: false, cancellationToken).ConfigureAwait(false);
        }

        return result.Files.Count;
    }

    /// <summary>
    /// The renewal forecast (with its backtest) and the SaaS metrics, as <c>churnwatch forecast renewals</c> and
    /// <c>churnwatch metrics</c> write them, into Output:Folder; the rows are the CSVs' rows.
    /// </summary>
    public async Task<long> ForecastAsync(CancellationToken cancellationToken)
    {
        // The forecast weighs each renewal by the latest stored scores: a store never scored is scored first.
        if (await scoreStore.LatestAsOfAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ScoreAsync(cancellationToken).ConfigureAwait(false);
        }

        var folder = output.Value.Folder;
        Directory.CreateDirectory(folder);
        var forecast = await forecasts.RunAsync(
            new RenewalForecastRequest(OutputStep.ForecastMonths, BySegment: false, schedule.Value.ForecastBacktestMonths), cancellationToken).ConfigureAwait(false);
        FinanceFiles.WriteForecast(forecast, Path.Combine(folder, RenewalForecastCsv.FileName));
        var saas = await metrics.RunAsync(MetricsMonths, cancellationToken).ConfigureAwait(false);
        FinanceFiles.WriteMetrics(saas, Path.Combine(folder, FinanceFiles.MetricsFileName));
        return forecast.Total.Count + forecast.Backtest.Count + saas.Report.Months.Count;
    }

    /// <summary>The history, the newest stored models (trained now, and stored, when there are none yet) and the as-of date.</summary>
    private async Task<(CompanyHistory History, CompanyTimeline Timeline, TrainedModels Models, DateOnly AsOf)> LoadAsync(CancellationToken cancellationToken)
    {
        var history = await historyStore.LoadAsync(cancellationToken).ConfigureAwait(false);
        var timeline = CompanyTimeline.Build(history);
        var churn = await modelStore.LatestAsync("Churn", cancellationToken).ConfigureAwait(false);
        TrainedModels models;
        if (churn is null)
        {
            models = await training.RunAsync(timeline, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var churnModel = RiskModelSerializer.Deserialize(churn);
            var renewal = await modelStore.LatestAsync("Renewal", cancellationToken).ConfigureAwait(false) is { } json ? RiskModelSerializer.Deserialize(json) : null;
            models = new TrainedModels(churnModel, renewal, churnModel.Backtest, renewal?.Backtest);
        }

        return (history, timeline, models, ChurnModelWorkflow.DefaultAsOf(history));
    }
}
