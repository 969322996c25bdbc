using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Trains the churn and renewal models on the stored history and stores them with their backtests.</summary>
internal sealed class TrainJob(JobInputs inputs, TrainingStep training) : IScheduledJob
{
    public const string Name = "train";

    public static JobDefinition Definition { get; } = new(
        Name,
        "train the churn and renewal models with their backtests and store them (table models)",
        ScoreJob.Name,
        [new(nameof(ScheduleOptions.Retraining), Name, Chain: true, o => o.Retraining)],
        typeof(TrainJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var company = await inputs.OpenCompanyAsync(cancellationToken).ConfigureAwait(false);
        var models = await training.RunAsync(company, cancellationToken).ConfigureAwait(false);
        return models.Churn.TrainRows;
    }
}
