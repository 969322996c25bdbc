using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Scores every active account as of a date and keeps the scores and the features behind them.</summary>
internal sealed class ScoringStep(IOptions<ModelingOptions> options, ScoreStore store)
{
    public async Task<IReadOnlyList<AccountScore>> RunAsync(CompanyTimeline timeline, TrainedModels models, DateOnly asOf, CancellationToken cancellationToken)
    {
        var scores = ChurnModelWorkflow.Score(timeline, models, options.Value, asOf);
        var features = ChurnModelWorkflow.FeatureSnapshots(timeline, models.Churn.FeatureSettings, asOf)
            .ToDictionary(f => f.AccountId, f => (IReadOnlyDictionary<string, double>)f.ToDictionary().Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value), StringComparer.Ordinal);
        await store.ReplaceAsync(asOf, TrainingStep.ModelId(RiskModelSerializer.Serialize(models.Churn)), scores, features, cancellationToken).ConfigureAwait(false);
        return scores;
    }
}
