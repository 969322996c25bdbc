using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

/// <summary>
/// The batch scorer ranks values among the thresholds and walks padded complete trees as bit masks; every one of
/// its paths must give exactly the bits of the plain row-by-row walk (<see cref="GradientBoostedTreesModel.PredictLogit"/>).
/// On a machine with AVX-512 the vectorised path runs its AVX-512 code, elsewhere its AVX2 or scalar fallbacks.
/// </summary>
public sealed class BlockScorerTests
{
    [Fact]
    public void PredictLogits_VectorisedAndScalarPaths_EqualRowByRowToTheBit()
    {
        // 1,000 rows: 7 full blocks of 128 and a last block of 104 (one full 64-row mask, one of 40).
        var (x, y) = TreeTestData.Mixed(1000, seed: 31);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 30, MaxDepth = 5, EarlyStoppingRounds = 0 });

        AssertEveryPathEqualsRowByRow(model, x);
    }

    [Fact]
    public void PredictLogits_ValuesOnAndBesideThresholds_EqualRowByRowToTheBit()
    {
        var (x, y) = TreeTestData.Mixed(1500, seed: 32);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 20, EarlyStoppingRounds = 0 });

        // For each split: its threshold, the doubles either side of it, and the special values, in its column.
        var probes = new List<double>();
        foreach (var tree in model.Trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
            {
                if (tree.IsLeaf(node))
                {
                    continue;
                }

                var t = tree.Threshold[node];
                double[] candidates = [t, Math.BitDecrement(t), Math.BitIncrement(t), double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];
                foreach (var v in candidates)
                {
                    var row = x.Row((node * 7) % x.Rows).ToArray();
                    row[tree.Feature[node]] = v;
                    probes.AddRange(row);
                }
            }
        }

        AssertEveryPathEqualsRowByRow(model, new FeatureMatrix(TreeTestData.Names(x.Columns), [.. probes]));
    }

    [Fact]
    public void PredictLogits_TreesDeeperThanEight_EqualRowByRowToTheBit()
    {
        // Depth 12 on 3,000 rows: some trees are deeper than the complete form allows and are walked row by row.
        var (x, y) = TreeTestData.Mixed(3000, seed: 33);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 8, MaxDepth = 12, MinChildWeight = 0, EarlyStoppingRounds = 0 });
        Assert.Contains(model.Trees, t => Enumerable.Range(0, t.NodeCount).Max(t.Depth) > 8);

        AssertEveryPathEqualsRowByRow(model, x);
    }

    [Fact]
    public void PredictLogits_HandMadeTreesTheRanksCannotHold_EqualRowByRowToTheBit()
    {
        // Column 0: 300 distinct thresholds, more than a byte rank holds; a NaN threshold; a chain of depth 10; a
        // single leaf; and one ordinary tree on column 1 that the complete form scores.
        var trees = new List<ShapTree>();
        for (var i = 0; i < 300; i++)
        {
            trees.Add(Stump(0, i * 0.5, defaultLeft: i % 2 == 0, -0.01 * i, 0.02));
        }

        trees.Add(Stump(1, double.NaN, defaultLeft: true, 1.0, -1.0));
        trees.Add(Chain(1, depth: 10));
        trees.Add(new ShapTree([-1], [0.0], [false], [-1], [-1], [0.25], [1.0], [0.0]));
        trees.Add(Stump(1, 3.0, defaultLeft: false, 0.5, -0.5));
        var model = new GradientBoostedTreesModel(["a", "b"], -0.3, trees);

        var values = new List<double>();
        double[] probes = [double.NaN, double.NegativeInfinity, -1, -0.0, 0, 0.5, 3, Math.BitIncrement(3.0), 7.25, 149.5, 150, double.PositiveInfinity];
        foreach (var a in probes)
        {
            foreach (var b in probes)
            {
                values.Add(a);
                values.Add(b);
            }
        }

        AssertEveryPathEqualsRowByRow(model, new FeatureMatrix(["a", "b"], [.. values]));
    }

    [Fact]
    public void PredictLogits_NoRows_Empty()
    {
        var (x, y) = TreeTestData.Mixed(200, seed: 34);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 3 });

        Assert.Empty(model.PredictLogits(new FeatureMatrix(TreeTestData.Names(x.Columns), [])));
    }

    private static void AssertEveryPathEqualsRowByRow(GradientBoostedTreesModel model, FeatureMatrix x)
    {
        var vectorised = model.PredictLogits(x, vectorised: true);
        var scalar = model.PredictLogits(x, vectorised: false);
        Assert.Equal(x.Rows, vectorised.Length);
        for (var r = 0; r < x.Rows; r++)
        {
            var expected = BitConverter.DoubleToInt64Bits(model.PredictLogit(x.Row(r)));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(vectorised[r]));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(scalar[r]));
        }
    }

    private static ShapTree Stump(int feature, double threshold, bool defaultLeft, double left, double right) =>
        new([feature, -1, -1], [threshold, 0, 0], [defaultLeft, false, false], [1, -1, -1], [2, -1, -1], [0, left, right], [2, 1, 1], [1, 0, 0]);

    /// <summary>Inner node i at 2i splits at i (missing right), its left leaf at 2i + 1, its right child at 2i + 2.</summary>
    private static ShapTree Chain(int feature, int depth)
    {
        var n = (2 * depth) + 1;
        var features = new int[n];
        var thresholds = new double[n];
        var left = new int[n];
        var right = new int[n];
        var values = new double[n];
        Array.Fill(features, -1);
        Array.Fill(left, -1);
        Array.Fill(right, -1);
        for (var i = 0; i < depth; i++)
        {
            features[2 * i] = feature;
            thresholds[2 * i] = i;
            left[2 * i] = (2 * i) + 1;
            right[2 * i] = (2 * i) + 2;
            values[(2 * i) + 1] = 0.1 * (i + 1);
        }

        values[n - 1] = -2;
        return new ShapTree(features, thresholds, new bool[n], left, right, values, Enumerable.Repeat(1.0, n).ToArray(), new double[n]);
    }
}
