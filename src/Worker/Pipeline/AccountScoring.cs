using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// Scores every account active at a date and gathers its activity, one batch of accounts at a time: a batch's usage
/// is read, scored and freed before the next, so only the results (a few kilobytes per account) stay in memory.
/// </summary>
internal sealed class AccountScoring(IOptions<ModelingOptions> modeling, IOptions<SignalOptions> signals)
{
    /// <param name="company">The stored company.</param>
    /// <param name="models">The models to score with.</param>
    /// <param name="asOf">The observation date.</param>
    /// <param name="needs">What else to compute: model inputs (the score step stores them as snapshots), what moved each score.</param>
    /// <param name="progress">Told the share of batches done.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public async Task<ScoredAccounts> RunAsync(
        CompanyBatches company, TrainedModels models, DateOnly asOf, ScoringNeeds needs, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(models);
        var parts = new List<ScoredAccounts>(company.Batches.Count);
        for (var b = 0; b < company.Batches.Count; b++)
        {
            var timeline = await company.LoadAsync(company.Batches[b], cancellationToken).ConfigureAwait(false);
            parts.Add(ScoreBatch(timeline, models, asOf, needs));
            progress?.Report((b + 1.0) / company.Batches.Count);
        }

        return ScoredAccounts.Join(parts);
    }

    /// <summary>One batch's scores, activity and what else is asked for: what a batch job computes on any node.</summary>
    public ScoredAccounts ScoreBatch(CompanyTimeline timeline, TrainedModels models, DateOnly asOf, ScoringNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(models);
        var settings = models.Churn.PredictorSettings;
        var predictors = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (needs.HasFlag(ScoringNeeds.Predictors))
        {
            foreach (var snapshot in ChurnModelWorkflow.PredictorSnapshots(timeline, settings, asOf))
            {
                predictors[snapshot.AccountId] = snapshot.ToDictionary().Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value);
            }
        }

        return new ScoredAccounts(
            ChurnModelWorkflow.Score(timeline, models, modeling.Value, asOf, withChanges: needs.HasFlag(ScoringNeeds.Changes)),
            AccountActivityBuilder.Build(timeline, asOf, settings.KeyFeatures, signals.Value),
            predictors);
    }
}
