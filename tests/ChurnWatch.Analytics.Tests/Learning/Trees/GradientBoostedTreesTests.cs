using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Trees;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

public sealed class GradientBoostedTreesTests
{
    [Fact]
    public void Fit_XorInteraction_AucFarAboveChance()
    {
        var (x, y) = TreeTestData.Xor(3000, seed: 1);
        var (testX, testY) = TreeTestData.Xor(2000, seed: 2);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 100, MaxDepth = 3 });

        var auc = ClassificationMetrics.Auc(model.PredictProbabilities(testX), testY.Select(l => l == 1).ToArray());

        // 5% flipped labels cap the attainable AUC near 0.95; a linear model gets about 0.5 here.
        Assert.True(auc > 0.9, $"AUC {auc}");
    }

    [Fact]
    public void Fit_MissingMeansPositive_MissingRowsScoreHigh()
    {
        var random = new Random(3);
        const int Rows = 2000;
        var values = new double[Rows * 2];
        var labels = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            var missing = random.NextDouble() < 0.3;
            values[r * 2] = missing ? double.NaN : random.NextDouble();
            values[(r * 2) + 1] = random.NextDouble();
            labels[r] = random.NextDouble() < (missing ? 0.9 : 0.2) ? 1 : 0;
        }

        var model = GradientBoostedTrees.Fit(new FeatureMatrix(TreeTestData.Names(2), values), labels, new GradientBoostingOptions { Trees = 50, MaxDepth = 2 });

        var missingProbability = model.PredictProbability([double.NaN, 0.5]);
        var presentProbability = model.PredictProbability([0.5, 0.5]);
        Assert.InRange(missingProbability, 0.8, 0.97);
        Assert.InRange(presentProbability, 0.1, 0.3);
        var root = model.Trees[0];
        Assert.Equal(0, root.Feature[0]);
        Assert.False(root.DefaultLeft[0]);
        Assert.Equal(double.PositiveInfinity, root.Threshold[0]);
    }

    [Fact]
    public void Fit_OneThreadOrMany_ByteIdenticalJson()
    {
        var (x, y) = TreeTestData.Mixed(4000, seed: 4);
        string Json(int threads) => GradientBoostedTreesModelJson.Serialize(GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions
        {
            Trees = 30,
            RowSubsample = 0.8,
            ColumnSubsample = 0.7,
            Threads = threads,
        }));

        var one = Json(1);
        Assert.Equal(one, Json(2));
        Assert.Equal(one, Json(4));
        Assert.Equal(one, Json(1));
    }

    [Fact]
    public void Fit_SameSeed_IdenticalPredictions()
    {
        var (x, y) = TreeTestData.Mixed(1000, seed: 5);
        var options = new GradientBoostingOptions { Trees = 20, RowSubsample = 0.5, Seed = 9 };

        var first = GradientBoostedTrees.Fit(x, y, options).PredictLogits(x);
        var second = GradientBoostedTrees.Fit(x, y, options).PredictLogits(x);
        var otherSeed = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 20, RowSubsample = 0.5, Seed = 10 }).PredictLogits(x);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Fit_ValidationLossRises_StopsAtBestRound()
    {
        // Pure-noise labels: every tree fits noise, so the validation loss bottoms out early and then rises.
        var random = new Random(6);
        var (x, _) = TreeTestData.Mixed(1500, seed: 6);
        var y = Enumerable.Range(0, x.Rows).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var (validationX, _) = TreeTestData.Mixed(1500, seed: 7);
        var validationY = Enumerable.Range(0, validationX.Rows).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        var options = new GradientBoostingOptions { Trees = 300, LearningRate = 0.3, MinChildWeight = 0, EarlyStoppingRounds = 10 };

        var stopped = GradientBoostedTrees.Fit(x, y, options, validationX, validationY);
        options.EarlyStoppingRounds = 0;
        var full = GradientBoostedTrees.Fit(x, y, options, validationX, validationY);

        Assert.InRange(stopped.TreeCount, 1, 50);
        Assert.Equal(300, full.TreeCount);
        var actual = validationY.Select(l => l == 1).ToArray();
        var stoppedLoss = ClassificationMetrics.LogLoss(stopped.PredictProbabilities(validationX), actual);
        var fullLoss = ClassificationMetrics.LogLoss(full.PredictProbabilities(validationX), actual);
        Assert.True(stoppedLoss < fullLoss, $"{stoppedLoss} vs {fullLoss}");

        // The kept trees are the first trees of the full run: stopping truncates, it does not refit.
        Assert.Equal(
            GradientBoostedTreesModelJson.Serialize(new GradientBoostedTreesModel(full.ColumnNames, full.BaseScore, full.Trees.Take(stopped.TreeCount).ToList())),
            GradientBoostedTreesModelJson.Serialize(stopped));
    }

    [Fact]
    public void Fit_ValidationFraction_HoldsOutAndStops()
    {
        var random = new Random(8);
        var (x, _) = TreeTestData.Mixed(2000, seed: 8);
        var y = Enumerable.Range(0, x.Rows).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();

        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 300, LearningRate = 0.3, MinChildWeight = 0, ValidationFraction = 0.25 });

        Assert.InRange(model.TreeCount, 1, 50);
    }

    [Fact]
    public void Fit_DepthAndChildWeightLimits_EveryTreeRespectsThem()
    {
        var (x, y) = TreeTestData.Mixed(3000, seed: 9);

        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 20, MaxDepth = 3, MinChildWeight = 20 });

        foreach (var tree in model.Trees)
        {
            Assert.True(tree.NodeCount > 1);
            for (var node = 0; node < tree.NodeCount; node++)
            {
                Assert.InRange(tree.Depth(node), 0, 3);
                Assert.True(tree.Cover[node] >= 20, $"cover {tree.Cover[node]}");
            }
        }

        Assert.Contains(model.Trees, t => Enumerable.Range(0, t.NodeCount).Any(n => t.Depth(n) == 3));
    }

    [Fact]
    public void Fit_MaxLeaves_NoTreeHasMore()
    {
        var (x, y) = TreeTestData.Mixed(3000, seed: 10);

        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 10, MaxDepth = 6, MaxLeaves = 5 });

        Assert.All(model.Trees, t => Assert.Equal(5, Enumerable.Range(0, t.NodeCount).Count(t.IsLeaf)));
    }

    [Fact]
    public void Fit_MinSplitGainHuge_OnlyRootLeaves()
    {
        var (x, y) = TreeTestData.Mixed(500, seed: 11);

        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 3, MinSplitGain = 1e6 });

        Assert.All(model.Trees, t => Assert.Equal(1, t.NodeCount));
        Assert.Equal(Math.Log(y.Average() / (1 - y.Average())), model.BaseScore, 12);
    }

    [Fact]
    public void Fit_LabelNotBinary_Throws()
    {
        var (x, y) = TreeTestData.Mixed(10, seed: 12);
        y[3] = 0.5;

        Assert.Throws<ArgumentException>(() => GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions()));
    }

    [Fact]
    public void Fit_OptionOutOfRange_Throws()
    {
        var (x, y) = TreeTestData.Mixed(10, seed: 13);

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { MaxBins = 256 }));
    }

    [Fact]
    public void PredictLogits_Batch_EqualsRowByRow()
    {
        var (x, y) = TreeTestData.Mixed(2000, seed: 14);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 25 });

        var batch = model.PredictLogits(x);

        for (var r = 0; r < x.Rows; r++)
        {
            Assert.Equal(model.PredictLogit(x.Row(r)), batch[r]);
            Assert.Equal(model.BaseScore + model.Trees.Sum(t => t.Value[t.Leaf(x.Row(r))]), batch[r], 12);
        }
    }

    [Fact]
    public void PredictLogits_RowCountNotMultipleOfBlock_EqualsRowByRow()
    {
        // 2,003 rows: the last 128-row block of the batch scorer holds only 83.
        var (x, y) = TreeTestData.Mixed(2003, seed: 15);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 10 });

        var batch = model.PredictLogits(x);

        Assert.All(Enumerable.Range(0, x.Rows), r => Assert.Equal(model.PredictLogit(x.Row(r)), batch[r]));
    }

    [Fact]
    public void GainImportance_Xor_SignalColumnsCarryMostGain()
    {
        var (x, y) = TreeTestData.Xor(3000, seed: 16);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 50, MaxDepth = 3 });

        var importance = model.GainImportance();

        Assert.Equal(1.0, importance.Sum(), 12);
        Assert.True(importance[0] + importance[1] > 0.8, string.Join(", ", importance));
    }
}
