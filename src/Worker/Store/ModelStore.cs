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

    /// <summary>
    /// Stores <paramref name="modelJson"/>, the model of row <paramref name="storedId"/> as this code writes it, under its
    /// own content id <paramref name="modelId"/> beside that row (same target, learner, times and backtest), unless a row
    /// has that id already. A model file of an earlier format (format 3, read with its old property names renamed) then
    /// has a row under the id scoring computes from the model, which batch jobs look up; the old row stays for the
    /// scores that name it.
    /// </summary>
    public async Task AddCurrentFormatAsync(string storedId, string modelId, string modelJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (model_id, target, learner, trained_at, data_as_of, backtest, model)
            SELECT @modelId, stored.target, stored.learner, stored.trained_at, stored.data_as_of, stored.backtest, @modelJson
            FROM models AS stored
            WHERE stored.model_id = @storedId AND NOT EXISTS (SELECT 1 FROM models AS existing WHERE existing.model_id = @modelId)
            """,
            new { storedId, modelId, modelJson },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The model file (JSON) stored under <paramref name="modelId"/>, or null.</summary>
    public async Task<string?> GetAsync(string modelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT model FROM models WHERE model_id = @modelId", new { modelId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The model file (JSON) of the newest trained model for a target (<c>Churn</c>, <c>Renewal</c>), or null when none is stored.</summary>
    public async Task<string?> LatestAsync(string target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Portable across the three dialects (no LIMIT/TOP): the newest training time, ties broken by id.
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT model FROM models WHERE target = @target AND trained_at = (SELECT MAX(trained_at) FROM models WHERE target = @target) ORDER BY model_id",
            new { target },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>When the newest model of a target was trained (UTC), or null when none is stored.</summary>
    public async Task<DateTime?> LatestTrainedAtAsync(string target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MAX(trained_at) FROM models WHERE target = @target", new { target }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return StoreText.ParseInstantOrNull(text);
    }
}
