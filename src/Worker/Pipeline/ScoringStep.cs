using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Scores every active account as of a date and keeps the scores and the predictors behind them.</summary>
internal sealed class ScoringStep(AccountScoring scoring, ScoreStore store)
{
    /// <summary>Scores the company in this process, batch after batch, and stores the scores.</summary>
    public async Task<ScoredAccounts> RunAsync(CompanyBatches company, TrainedModels models, DateOnly asOf, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var scored = await scoring.RunAsync(company, models, asOf, ScoringNeeds.Predictors | ScoringNeeds.Changes, progress, cancellationToken).ConfigureAwait(false);
        await StoreAsync(scored, models, asOf, cancellationToken).ConfigureAwait(false);
        return scored;
    }

    /// <summary>Replaces the date's scores and predictor snapshots with these, in one transaction.</summary>
    public Task StoreAsync(ScoredAccounts scored, TrainedModels models, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(models);
        return store.ReplaceAsync(asOf, TrainingStep.ModelId(RiskModelSerializer.Serialize(models.Churn)), scored.Scores, scored.Predictors, cancellationToken);
    }
}
