using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteRunHistoryStoreTests : RunHistoryStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlRunHistoryStoreTests : RunHistoryStoreTests<PostgreSqlTestProvider>;

/// <summary>Run history (INSERT returning the generated id) and model files (an upsert of some columns).</summary>
public abstract class RunHistoryStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    [StoreFact]
    public async Task StartAsyncThenFinishAsync_TwoRuns_GetTheirOwnIdsAndOutcomes()
    {
        var runs = new RunHistoryStore(Database, Time);
        var ingest = await runs.StartAsync("ingest", CancellationToken.None);
        Time.Now = Time.Now.AddMinutes(2);
        var train = await runs.StartAsync("train", CancellationToken.None);

        await runs.FinishAsync(ingest, succeeded: true, 42, error: null);
        await runs.FinishAsync(train, succeeded: false, null, "no usage data");

        Assert.True(train > ingest);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            [("ingest", "2026-03-02T06:00:00Z", "2026-03-02T06:02:00Z", "succeeded", (long?)42, (string?)null),
             ("train", "2026-03-02T06:02:00Z", "2026-03-02T06:02:00Z", "failed", null, "no usage data")],
            (await connection.QueryAsync<(string, string, string, string, long?, string?)>(
                "SELECT job, started_at, finished_at, status, rows_affected, error FROM job_runs ORDER BY run_id")).ToList());
    }

    [StoreFact]
    public async Task HistoryAndLastRunsAsync_RunsOfTwoJobs_NewestFirstAndNewestPerJob()
    {
        var runs = new RunHistoryStore(Database, Time);
        var first = await runs.StartAsync("ingest", "Ingest", "node-a", CancellationToken.None);
        await runs.FinishAsync(first, "succeeded", 10, null);
        Time.Now = Time.Now.AddHours(1);
        var second = await runs.StartAsync("ingest", "Scoring", "node-b", CancellationToken.None);
        await runs.FinishAsync(second, "failed", null, "source unreachable");
        var score = await runs.StartAsync("score", "chain after ingest", "node-b", CancellationToken.None);

        var history = await runs.HistoryAsync("ingest", 10, CancellationToken.None);
        var last = await runs.LastRunsAsync(CancellationToken.None);

        Assert.Equal(
            [new JobRun(second, "ingest", "Scoring", "node-b", "2026-03-02T07:00:00Z", "2026-03-02T07:00:00Z", "failed", null, "source unreachable"),
             new JobRun(first, "ingest", "Ingest", "node-a", "2026-03-02T06:00:00Z", "2026-03-02T06:00:00Z", "succeeded", 10, null)],
            history);
        Assert.Equal([second, score], last.Select(r => r.RunId));
        Assert.Single(await runs.HistoryAsync(null, 1, CancellationToken.None));
    }

    [StoreFact]
    public async Task DeleteFinishedBeforeAsync_OldFinishedAndOldRunning_DeletesOnlyTheFinished()
    {
        var runs = new RunHistoryStore(Database, Time);
        var old = await runs.StartAsync("ingest", CancellationToken.None);
        await runs.FinishAsync(old, succeeded: true, 1, null);
        var stillRunning = await runs.StartAsync("score", CancellationToken.None);
        Time.Now = Time.Now.AddDays(200);
        var recent = await runs.StartAsync("ingest", CancellationToken.None);

        var deleted = await runs.DeleteFinishedBeforeAsync(Time.Now.UtcDateTime.AddDays(-180), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal([recent, stillRunning], (await runs.HistoryAsync(null, 10, CancellationToken.None)).Select(r => r.RunId));
    }

    [StoreFact]
    public async Task ModelStoreSaveAsync_SameModelTwice_KeepsOneRowWithTheNewTrainingTime()
    {
        var models = new ModelStore(Database);
        var dataAsOf = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await models.SaveAsync("churn-abc", "churn", "logistic", new DateTime(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc), dataAsOf, "{\"auc\":0.8}", "{}", CancellationToken.None);

        await models.SaveAsync("churn-abc", "churn", "logistic", new DateTime(2026, 3, 9, 6, 0, 0, DateTimeKind.Utc), dataAsOf, "{\"auc\":0.9}", "{}", CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            ("churn-abc", "2026-03-09T06:00:00Z", "2026-03-01T00:00:00Z", "{\"auc\":0.8}"),
            await connection.QuerySingleAsync<(string, string, string, string)>("SELECT model_id, trained_at, data_as_of, backtest FROM models"));
    }
}
