using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Configuration;
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
    Delivery.WeeklyReportDelivery delivery) : IJobSteps
{
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
        return result.Failed ? throw new SourceDataException(IngestMessages.OverThreshold(result)) : result.TotalRows;
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

    public async Task<long> ForecastAsync(CancellationToken cancellationToken)
    {
        var (history, timeline, models, asOf) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(history, asOf);
        var scores = ChurnModelWorkflow.Score(timeline, models, modeling.Value, asOf);
        var exposures = scores
            .Where(s => book.TryGet(s.AccountId, out var p) && p.RenewalDate is not null)
            .Select(s =>
            {
                book.TryGet(s.AccountId, out var p);
                return new RenewalExposure(s.AccountId, p!.RenewalDate!.Value, p.Arr, s.RenewalProbability ?? 1 - s.ChurnProbability);
            });
        var forecast = RenewalForecaster.Forecast(exposures, asOf, OutputStep.ForecastMonths, seed: asOf.DayNumber);
        Directory.CreateDirectory(output.Value.Folder);
        RenewalForecastCsv.WriteFile(Path.Combine(output.Value.Folder, RenewalForecastCsv.FileName), forecast);
        return forecast.Count;
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
