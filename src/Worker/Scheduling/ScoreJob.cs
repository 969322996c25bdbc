using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Scores every active account as of the latest complete week with the newest stored models (training them first when there are none).</summary>
internal sealed class ScoreJob(JobInputs inputs, ScoringFanOut scoring, ScoringStep step) : IScheduledJob
{
    public const string Name = "score";

    public static JobDefinition Definition { get; } = new(
        Name,
        "score every active account as of the latest complete week and store the scores and their model inputs (tables scores, predictor_snapshots)",
        SignalsJob.Name,
        [],
        typeof(ScoreJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var company = await inputs.LoadAsync(cancellationToken).ConfigureAwait(false);
        var scored = await scoring.RunAsync(Name, company.Company, company.Models, company.AsOf, ScoringNeeds.Predictors | ScoringNeeds.Changes, cancellationToken).ConfigureAwait(false);
        await step.StoreAsync(scored, company.Models, company.AsOf, cancellationToken).ConfigureAwait(false);
        return scored.Scores.Count;
    }
}
