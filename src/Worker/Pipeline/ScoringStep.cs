using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Scores every active account as of a date and keeps the scores and the features behind them.</summary>
internal sealed class ScoringStep(AccountScoring scoring, ScoreStore store)
{
    public async Task<ScoredAccounts> RunAsync(CompanyBatches company, TrainedModels models, DateOnly asOf, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var scored = await scoring.RunAsync(company, models, asOf, withFeatures: true, progress, cancellationToken).ConfigureAwait(false);
        await store.ReplaceAsync(asOf, TrainingStep.ModelId(RiskModelSerializer.Serialize(models.Churn)), scored.Scores, scored.Features, cancellationToken).ConfigureAwait(false);
        return scored;
    }
}
