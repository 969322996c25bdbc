using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

public sealed class TreeShapTests
{
    [Fact]
    public void Contributions_RandomRows_SumToLogit()
    {
        var (x, y) = TreeTestData.Mixed(2000, seed: 20);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 40, MaxDepth = 5 });
        var (rows, _) = TreeTestData.Mixed(50, seed: 21);

        for (var r = 0; r < rows.Rows; r++)
        {
            var phi = model.Contributions(rows.Row(r));
            Assert.Equal(x.Columns + 1, phi.Length);
            Assert.Equal(model.Bias, phi[^1]);
            Assert.Equal(model.PredictLogit(rows.Row(r)), phi.Sum(), 9);
        }
    }

    [Fact]
    public void Contributions_Stump_MatchesHandComputedValue()
    {
        // x0 = 0: 30 of 100 positive; x0 = 1: 70 of 100. Mean 0.5, so base score 0 and p = 0.5 for every row:
        // left G = 100 x 0.5 - 30 = 20, H = 100 x 0.25 = 25, leaf = -20 / (25 + 1); the right leaf is +20/26.
        var values = new double[200 * 2];
        var labels = new double[200];
        for (var r = 0; r < 200; r++)
        {
            values[r * 2] = r < 100 ? 0 : 1;
            values[(r * 2) + 1] = r % 7;
            labels[r] = r < 100 ? (r < 30 ? 1 : 0) : (r < 170 ? 1 : 0);
        }

        var model = GradientBoostedTrees.Fit(new FeatureMatrix(["x0", "x1"], values), labels, new GradientBoostingOptions { Trees = 1, MaxDepth = 1, LearningRate = 1 });

        var left = model.Contributions([0, 3]);
        var right = model.Contributions([1, 3]);
        Assert.Equal(-20.0 / 26, left[0], 12);
        Assert.Equal(0, left[1]);
        Assert.Equal(0, left[2], 12);
        Assert.Equal(20.0 / 26, right[0], 12);
        Assert.Equal(-20.0 / 26, model.PredictLogit([0, 3]), 12);
    }

    [Fact]
    public void Contributions_SmallEnsemble_MatchBruteForceShapley()
    {
        var (x, y) = TreeTestData.Mixed(1500, seed: 22, columns: 5);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 8, MaxDepth = 4, MinChildWeight = 0.5 });
        Assert.Contains(model.Trees, RepeatsAFeatureOnAPath);
        var (rows, _) = TreeTestData.Mixed(20, seed: 23, columns: 5);

        for (var r = 0; r < rows.Rows; r++)
        {
            var row = rows.Row(r).ToArray();
            var phi = model.Contributions(row);
            var expected = BruteForce(model, row);
            for (var c = 0; c < 5; c++)
            {
                Assert.Equal(expected[c], phi[c], 9);
            }
        }
    }

    [Fact]
    public void Contributions_HandBuiltTreeWithRepeatedFeature_MatchBruteForceShapley()
    {
        // root: x0 <= 0.5 ? (x1 <= 0.5 ? (x0 <= 0.2 ? 1 : 2) : 3) : (missing x2 goes left; x2 <= 1 ? 4 : 5)
        var tree = new RegressionTree(
            feature: [0, 1, 2, 0, -1, -1, -1, -1, -1],
            threshold: [0.5, 0.5, 1, 0.2, 0, 0, 0, 0, 0],
            defaultLeft: [false, false, true, false, false, false, false, false, false],
            left: [1, 3, 5, 7, -1, -1, -1, -1, -1],
            right: [2, 4, 6, 8, -1, -1, -1, -1, -1],
            value: [0, 0, 0, 0, 3, 4, 5, 1, 2],
            cover: [100, 60, 40, 45, 15, 10, 30, 20, 25],
            gain: [1, 1, 1, 1, 0, 0, 0, 0, 0]);
        var model = new GradientBoostedTreesModel(["x0", "x1", "x2"], 0.25, [tree]);

        foreach (var row in new[] { new[] { 0.1, 0.2, 5 }, [0.3, 0.9, double.NaN], [0.9, 0.1, double.NaN], [0.7, 0.7, 0.5] })
        {
            var phi = model.Contributions(row);
            var expected = BruteForce(model, row);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], phi[c], 12);
            }

            Assert.Equal(model.PredictLogit(row), phi.Sum(), 12);
        }
    }

    private static bool RepeatsAFeatureOnAPath(RegressionTree tree) =>
        Enumerable.Range(1, tree.NodeCount - 1).Any(n =>
        {
            if (tree.IsLeaf(n))
            {
                return false;
            }

            for (var p = tree.Parent(n); p >= 0; p = p == 0 ? -1 : tree.Parent(p))
            {
                if (tree.Feature[p] == tree.Feature[n])
                {
                    return true;
                }
            }

            return false;
        });

    /// <summary>Shapley values by enumerating every subset, with the path-dependent conditional expectation.</summary>
    private static double[] BruteForce(GradientBoostedTreesModel model, double[] row)
    {
        var m = row.Length;
        var phi = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var subset = 0; subset < 1 << m; subset++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    continue;
                }

                var size = System.Numerics.BitOperations.PopCount((uint)subset);
                var weight = Factorial(size) * Factorial(m - size - 1) / Factorial(m);
                foreach (var tree in model.Trees)
                {
                    phi[i] += weight * (Expectation(tree, 0, row, subset | (1 << i)) - Expectation(tree, 0, row, subset));
                }
            }
        }

        return phi;
    }

    private static double Expectation(RegressionTree tree, int node, double[] row, int known)
    {
        if (tree.IsLeaf(node))
        {
            return tree.Value[node];
        }

        var f = tree.Feature[node];
        if ((known & (1 << f)) != 0)
        {
            var v = row[f];
            var goLeft = double.IsNaN(v) ? tree.DefaultLeft[node] : v <= tree.Threshold[node];
            return Expectation(tree, goLeft ? tree.Left[node] : tree.Right[node], row, known);
        }

        var left = tree.Left[node];
        var right = tree.Right[node];
        return ((tree.Cover[left] * Expectation(tree, left, row, known)) + (tree.Cover[right] * Expectation(tree, right, row, known))) / tree.Cover[node];
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
