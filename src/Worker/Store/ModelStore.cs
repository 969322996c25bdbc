using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>Trained model files with their backtest, keyed by a content-derived id so a retrain on the same data is the same row.</summary>
internal sealed class ModelStore(StoreDatabase database)
{
    private static readonly string[] Columns = ["model_id", "target", "learner", "trained_at", "data_as_of", "backtest", "model"];

    public async Task SaveAsync(string modelId, string target, string learner, DateTime trainedAt, DateTime dataAsOf, string backtestJson, string modelJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.Upsert("models", Columns, ["model_id"], ["trained_at"]),
            new
            {
                model_id = modelId,
                target,
                learner,
                trained_at = StoreText.Instant(trainedAt),
                data_as_of = StoreText.Instant(dataAsOf),
                backtest = backtestJson,
                model = modelJson,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The model file (JSON) of the newest model trained for <paramref name="target"/>, or null when none is stored.</summary>
    public async Task<string?> LatestAsync(string target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Instants are ISO-8601 text on every provider, so the text order is the time order.
        var rows = await connection.QueryAsync<(string TrainedAt, string ModelId, string Model)>(new CommandDefinition(
            "SELECT trained_at, model_id, model FROM models WHERE target = @target", new { target }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.OrderByDescending(r => r.TrainedAt, StringComparer.Ordinal).ThenBy(r => r.ModelId, StringComparer.Ordinal).Select(r => r.Model).FirstOrDefault();
    }
}
