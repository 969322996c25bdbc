using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>Trained model files with their backtest, keyed by a content-derived id so a retrain on the same data is the same row.</summary>
internal sealed class ModelStore(StoreDatabase database)
{
    public async Task SaveAsync(string modelId, string target, string learner, DateTime trainedAt, DateTime dataAsOf, string backtestJson, string modelJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (model_id, target, learner, trained_at, data_as_of, backtest, model)
            VALUES (@modelId, @target, @learner, @trainedAt, @dataAsOf, @backtestJson, @modelJson)
            ON CONFLICT (model_id) DO UPDATE SET trained_at = excluded.trained_at
            """,
            new { modelId, target, learner, trainedAt = StoreText.Instant(trainedAt), dataAsOf = StoreText.Instant(dataAsOf), backtestJson, modelJson },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
