using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteScoreStoreTests : ScoreStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlScoreStoreTests : ScoreStoreTests<PostgreSqlTestProvider>;

public abstract class ScoreStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static AccountScore Score(string account, DateOnly asOf, double churn) =>
        new(account, asOf, churn, 0.8, churn > 0.5 ? RiskBand.High : RiskBand.Low, [new ScoreReason("logins_28d", 0.4, "Logins fell by half.")]);

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Predictors(params string[] accounts) =>
        accounts.ToDictionary(a => a, _ => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["logins_28d"] = 3, ["csat"] = double.NaN });

    [StoreFact]
    public async Task ReplaceAsync_SameDateTwice_KeepsOnlyTheSecondScoring()
    {
        var store = new ScoreStore(Database);
        await store.ReplaceAsync(Monday, "m1", [Score("A1", Monday, 0.1), Score("A2", Monday, 0.2), Score("A3", Monday, 0.3)], Predictors("A1", "A2", "A3"), CancellationToken.None);

        var written = await store.ReplaceAsync(Monday, "m2", [Score("A1", Monday, 0.7), Score("A2", Monday, 0.4)], Predictors("A1", "A2"), CancellationToken.None);

        Assert.Equal(2, written);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            [("A1", "m2", 0.7, "High"), ("A2", "m2", 0.4, "Low")],
            (await connection.QueryAsync<(string, string, double, string)>("SELECT account_id, churn_model_id, churn_probability, band FROM scores ORDER BY account_id")).ToList());
        Assert.Equal(
            ["{\"logins_28d\":3}", "{\"logins_28d\":3}"],
            await connection.QueryAsync<string>("SELECT predictors FROM predictor_snapshots ORDER BY account_id"));
    }

    [StoreFact]
    public async Task PreviousAsync_SeveralDates_ReturnsTheNewestBeforeTheDate()
    {
        var store = new ScoreStore(Database);
        await store.ReplaceAsync(Monday.AddDays(-14), "m1", [Score("A1", Monday.AddDays(-14), 0.1)], Predictors("A1"), CancellationToken.None);
        await store.ReplaceAsync(Monday.AddDays(-7), "m1", [Score("A1", Monday.AddDays(-7), 0.2)], Predictors("A1"), CancellationToken.None);
        await store.ReplaceAsync(Monday, "m1", [Score("A1", Monday, 0.3)], Predictors("A1"), CancellationToken.None);

        var previous = await store.PreviousAsync(Monday, CancellationToken.None);

        Assert.Equal(0.2, Assert.Single(previous).Value);
    }
}
