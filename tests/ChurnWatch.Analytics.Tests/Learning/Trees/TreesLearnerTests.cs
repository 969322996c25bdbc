using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

public sealed class TreesLearnerTests
{
    /// <summary>
    /// 400 accounts, each observed on 8 dates with the same features and the same label, and labels that are pure
    /// noise: nothing generalises to a new account, but every row has near-copies in its own account.
    /// </summary>
    private static (FeatureMatrix X, double[] Y, string[] Groups) CopiedAccounts()
    {
        var random = new Random(12);
        var (x, _) = TreeTestData.Mixed(400, seed: 12);
        var rows = Enumerable.Range(0, 400 * 8).Select(r => r / 8).ToArray();
        var accountLabel = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        return (x.SelectRows(rows), [.. rows.Select(a => accountLabel[a])], [.. rows.Select(a => $"A{a}")]);
    }

    [Fact]
    public void Fit_GroupedRows_EarlyStoppingHoldsOutWholeAccounts()
    {
        var (x, y, groups) = CopiedAccounts();

        var byRow = (TreesClassifier)new TreesLearner().Fit(x, y, seed: 3);
        var byAccount = (TreesClassifier)new TreesLearner().Fit(x, y, seed: 3, groups);

        // Held-out rows whose account also trains keep rewarding memorised accounts, so the row hold-out grows
        // several times more trees than the account hold-out, which sees noise and stops early.
        Assert.True(byRow.Model.TreeCount > 3 * byAccount.Model.TreeCount, $"by row {byRow.Model.TreeCount} trees, by account {byAccount.Model.TreeCount}");
    }

    [Fact]
    public void Fit_SameGroupsAndSeed_SameModel()
    {
        var (x, y, groups) = CopiedAccounts();

        var first = new TreesLearner().Fit(x, y, seed: 5, groups);
        var second = new TreesLearner().Fit(x, y, seed: 5, [.. groups]);

        Assert.Equal(
            GradientBoostedTreesModelJson.Serialize(((TreesClassifier)first).Model),
            GradientBoostedTreesModelJson.Serialize(((TreesClassifier)second).Model));
    }
}
