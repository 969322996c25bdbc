using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class StratifiedKFoldTests
{
    [Theory]
    [InlineData(100, 5, 0.1, 1)]
    [InlineData(101, 3, 0.37, 2)]
    [InlineData(7, 7, 0.5, 3)]
    [InlineData(1_000, 10, 0.03, 4)]
    [InlineData(53, 2, 0.9, 5)]
    public void Split_RandomLabels_EachFoldHoldsItsShareOfEachClassWithinOne(int rows, int folds, double rate, int seed)
    {
        var labels = Labels(rows, rate, seed);

        var assignment = StratifiedKFold.Split(labels, folds, seed);

        Assert.Equal(rows, assignment.Length);
        Assert.All(assignment, f => Assert.InRange(f, 0, folds - 1));
        foreach (var label in new[] { 0.0, 1.0 })
        {
            var ideal = labels.Count(l => l == label) / (double)folds;
            for (var f = 0; f < folds; f++)
            {
                var inFold = Enumerable.Range(0, rows).Count(r => assignment[r] == f && labels[r] == label);
                Assert.InRange(inFold, ideal - 1, ideal + 1);
            }
        }

        var sizes = Enumerable.Range(0, folds).Select(f => assignment.Count(a => a == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"fold sizes {string.Join(", ", sizes)}");
    }

    [Fact]
    public void Split_SameSeed_SameFolds()
    {
        var labels = Labels(500, 0.2, 9);

        Assert.Equal(StratifiedKFold.Split(labels, 5, 42), StratifiedKFold.Split(labels, 5, 42));
    }

    [Fact]
    public void Split_DifferentSeed_DifferentFolds()
    {
        var labels = Labels(500, 0.2, 9);

        Assert.NotEqual(StratifiedKFold.Split(labels, 5, 42), StratifiedKFold.Split(labels, 5, 43));
    }

    [Fact]
    public void Split_OneFold_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedKFold.Split([0, 1, 0], 1, 1));

    [Fact]
    public void Split_MoreFoldsThanRows_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedKFold.Split([0, 1, 0], 4, 1));

    private static double[] Labels(int rows, double rate, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => random.NextDouble() < rate ? 1.0 : 0.0).ToArray();
    }
}
