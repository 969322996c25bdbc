using ChurnWatch.Analytics.Learning.Evaluation;

namespace ChurnWatch.Analytics.Tests.Learning.Evaluation;

public sealed class StratifiedGroupKFoldTests
{
    /// <summary>Accounts observed on 1 to 12 dates; about a fifth of the accounts churn, and only their last rows say so.</summary>
    private static (double[] Labels, string[] Groups) Observations(int accounts, int seed)
    {
        var random = new Random(seed);
        var (labels, groups) = (new List<double>(), new List<string>());
        for (var a = 0; a < accounts; a++)
        {
            var dates = random.Next(1, 13);
            var churns = random.NextDouble() < 0.2;
            for (var d = 0; d < dates; d++)
            {
                labels.Add(churns && d >= dates - 3 ? 1 : 0);
                groups.Add($"A{a:0000}");
            }
        }

        return ([.. labels], [.. groups]);
    }

    [Theory]
    [InlineData(300, 5, 1)]
    [InlineData(41, 3, 2)]
    [InlineData(1000, 10, 3)]
    public void Split_AccountsOnManyDates_EveryAccountInOneFold(int accounts, int folds, int seed)
    {
        var (labels, groups) = Observations(accounts, seed);

        var assignment = StratifiedGroupKFold.Split(labels, groups, folds, seed);

        Assert.All(assignment, f => Assert.InRange(f, 0, folds - 1));
        var foldsPerAccount = Enumerable.Range(0, groups.Length).GroupBy(r => groups[r]).Select(g => g.Select(r => assignment[r]).Distinct().Count());
        Assert.All(foldsPerAccount, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Split_PositivesSpreadOverTheFolds_WithinTheLargestAccountsPositives()
    {
        var (labels, groups) = Observations(500, 7);

        var assignment = StratifiedGroupKFold.Split(labels, groups, 5, 7);

        // Whole accounts move, so a fold can miss its share by at most one account's positives (3 here).
        var ideal = labels.Sum() / 5;
        for (var f = 0; f < 5; f++)
        {
            Assert.InRange(Enumerable.Range(0, labels.Length).Where(r => assignment[r] == f).Sum(r => labels[r]), ideal - 3, ideal + 3);
        }
    }

    [Fact]
    public void Split_SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        var (labels, groups) = Observations(200, 4);

        Assert.Equal(StratifiedGroupKFold.Split(labels, groups, 5, 42), StratifiedGroupKFold.Split(labels, groups, 5, 42));
        Assert.NotEqual(StratifiedGroupKFold.Split(labels, groups, 5, 42), StratifiedGroupKFold.Split(labels, groups, 5, 43));
    }

    [Fact]
    public void Split_FewerGroupsThanFolds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedGroupKFold.Split([0, 1, 0, 1], ["a", "a", "b", "b"], 3, 1));
    }
}
