using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Loads a <see cref="StoredCompany"/>: the history, the newest stored models (trained now, and stored, when there are none yet) and the as-of date.</summary>
internal sealed class JobInputs(HistoryStore historyStore, ModelStore modelStore, TrainingStep training)
{
    public async Task<StoredCompany> LoadAsync(CancellationToken cancellationToken)
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

        return new StoredCompany(history, timeline, models, ChurnModelWorkflow.DefaultAsOf(history));
    }
}
