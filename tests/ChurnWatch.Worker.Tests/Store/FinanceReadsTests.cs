using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteFinanceReadsTests : FinanceReadsTests<SqliteTestProvider>;

public sealed class PostgreSqlFinanceReadsTests : FinanceReadsTests<PostgreSqlTestProvider>;

/// <summary>The reads the renewal forecast makes: the latest scoring, one date's probabilities, the newest model per target.</summary>
public abstract class FinanceReadsTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static AccountScore Score(string account, DateOnly asOf, double churn, double? renewal) =>
        new(account, asOf, churn, renewal, RiskBand.Low, []);

    [StoreFact]
    public async Task LatestAsOfAsync_EmptyThenTwoDates_NullThenTheNewest()
    {
        var store = new ScoreStore(Database);
        Assert.Null(await store.LatestAsOfAsync(CancellationToken.None));

        await store.ReplaceAsync(Monday, "m", [Score("A", Monday, 0.1, 0.9)], new Dictionary<string, IReadOnlyDictionary<string, double>>(), CancellationToken.None);
        await store.ReplaceAsync(Monday.AddDays(-7), "m", [Score("A", Monday.AddDays(-7), 0.2, 0.8)], new Dictionary<string, IReadOnlyDictionary<string, double>>(), CancellationToken.None);

        Assert.Equal(Monday, await store.LatestAsOfAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task ProbabilitiesAsync_OneDate_ChurnAndRenewalWithNullForNoContract()
    {
        var store = new ScoreStore(Database);
        await store.ReplaceAsync(Monday, "m", [Score("A", Monday, 0.1, 0.9), Score("B", Monday, 0.4, null)], new Dictionary<string, IReadOnlyDictionary<string, double>>(), CancellationToken.None);

        var probabilities = await store.ProbabilitiesAsync(Monday, CancellationToken.None);

        Assert.Equal((0.1, 0.9), probabilities["A"]);
        Assert.Equal((0.4, (double?)null), probabilities["B"]);
        Assert.Empty(await store.ProbabilitiesAsync(Monday.AddDays(7), CancellationToken.None));
    }

    [StoreFact]
    public async Task ModelStore_LatestAsync_NewestTrainedModelOfTheTarget()
    {
        var models = new ModelStore(Database);
        var day = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await models.SaveAsync("old", "Churn", "lr", day, day, "{}", "{\"v\":1}", CancellationToken.None);
        await models.SaveAsync("new", "Churn", "lr", day.AddDays(7), day, "{}", "{\"v\":2}", CancellationToken.None);
        await models.SaveAsync("renewal", "NonRenewal", "lr", day.AddDays(14), day, "{}", "{\"v\":3}", CancellationToken.None);

        Assert.Equal("{\"v\":2}", await models.LatestAsync("Churn", CancellationToken.None));
        Assert.Null(await models.LatestAsync("Nothing", CancellationToken.None));
    }
}
