using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteModelStoreTests : ModelStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlModelStoreTests : ModelStoreTests<PostgreSqlTestProvider>;

public abstract class ModelStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateTime Trained = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    [StoreFact]
    public async Task ReadAsync_ModelStoredInFormat3_IsAlsoStoredUnderTheIdScoringNamesItBy()
    {
        var old = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "churn-model-v3.json"));
        var store = new ModelStore(Database);
        await store.SaveAsync(TrainingStep.ModelId(old), "Churn", "lbfgs_logistic_regression", Trained, Trained, "{}", old, CancellationToken.None);

        var model = await JobInputs.ReadAsync(store, (await store.LatestAsync("Churn", CancellationToken.None))!, CancellationToken.None);
        await JobInputs.ReadAsync(store, old, CancellationToken.None); // a second read adds nothing

        var current = RiskModelSerializer.Serialize(model);
        Assert.Contains("\"format_version\": 4", current, StringComparison.Ordinal);
        Assert.Equal(current, await store.GetAsync(TrainingStep.ModelId(current), CancellationToken.None));
        Assert.Equal(old, await store.GetAsync(TrainingStep.ModelId(old), CancellationToken.None));
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            [(TrainingStep.ModelId(current), "Churn", "lbfgs_logistic_regression", "{}"), (TrainingStep.ModelId(old), "Churn", "lbfgs_logistic_regression", "{}")],
            (await connection.QueryAsync<(string, string, string, string)>("SELECT model_id, target, learner, backtest FROM models")).OrderBy(r => r.Item1 == TrainingStep.ModelId(old)).ToList());
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM models WHERE trained_at = @at", new { at = StoreText.Instant(Trained) }));
    }

    [StoreFact]
    public async Task ReadAsync_ModelInTheCurrentFormat_AddsNoRow()
    {
        var old = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "churn-model-v3.json"));
        var current = RiskModelSerializer.Serialize(RiskModelSerializer.Deserialize(old));
        var store = new ModelStore(Database);
        await store.SaveAsync(TrainingStep.ModelId(current), "Churn", "lbfgs_logistic_regression", Trained, Trained, "{}", current, CancellationToken.None);

        await JobInputs.ReadAsync(store, current, CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM models"));
    }
}
