using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;

namespace ChurnWatch.Analytics.Tests.Modeling.MlNet;

public sealed class TreeShapTests
{
    [Fact]
    public void Add_RandomTreesWithRepeatedSlots_MatchBruteForceShapley()
    {
        var random = new Random(22);
        var trees = Enumerable.Range(0, 8).Select(_ => RandomTree(random, slots: 5, depth: 4)).ToArray();
        Assert.Contains(trees, RepeatsASlotOnAPath);

        for (var r = 0; r < 20; r++)
        {
            var row = Enumerable.Range(0, 5).Select(_ => random.NextDouble() < 0.15 ? double.NaN : random.NextDouble()).ToArray();
            var phi = new double[5];
            foreach (var tree in trees)
            {
                TreeShap.Add(tree, row, phi);
            }

            var expected = BruteForce(trees, row);
            for (var c = 0; c < 5; c++)
            {
                Assert.Equal(expected[c], phi[c], 9);
            }

            // Local accuracy: the contributions add up to the prediction less the trees' expected values.
            Assert.Equal(trees.Sum(t => t.Value[t.Leaf(row)] - t.ExpectedValue()), phi.Sum(), 9);
        }
    }

    /// <summary>
    /// A full binary tree of the given depth on random slots (so a slot often repeats on a path), random
    /// thresholds, missing values sent either way, leaf values in [-1, 1] and covers that add up from the leaves.
    /// </summary>
    private static ShapTree RandomTree(Random random, int slots, int depth)
    {
        var count = (1 << (depth + 1)) - 1;
        var slot = new int[count];
        var threshold = new double[count];
        var defaultLeft = new bool[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        var cover = new double[count];
        for (var n = count - 1; n >= 0; n--)
        {
            if (n >= (count - 1) / 2)
            {
                (slot[n], left[n], right[n]) = (-1, -1, -1);
                value[n] = (random.NextDouble() * 2) - 1;
                cover[n] = 1 + random.Next(50);
                continue;
            }

            slot[n] = random.Next(slots);
            threshold[n] = random.NextDouble();
            defaultLeft[n] = random.Next(2) == 0;
            (left[n], right[n]) = ((2 * n) + 1, (2 * n) + 2);
            cover[n] = cover[left[n]] + cover[right[n]];
        }

        return new ShapTree(slot, threshold, defaultLeft, left, right, value, cover);
    }

    [Fact]
    public void Contributions_HandBuiltTreeWithRepeatedSlot_MatchBruteForceShapley()
    {
        // root: x0 <= 0.5 ? (x1 <= 0.5 ? (x0 <= 0.2 ? 1 : 2) : 3) : (missing x2 goes left; x2 <= 1 ? 4 : 5)
        var tree = new ShapTree(
            slot: [0, 1, 2, 0, -1, -1, -1, -1, -1],
            threshold: [0.5, 0.5, 1, 0.2, 0, 0, 0, 0, 0],
            defaultLeft: [false, false, true, false, false, false, false, false, false],
            left: [1, 3, 5, 7, -1, -1, -1, -1, -1],
            right: [2, 4, 6, 8, -1, -1, -1, -1, -1],
            value: [0, 0, 0, 0, 3, 4, 5, 1, 2],
            cover: [100, 60, 40, 45, 15, 10, 30, 20, 25]);

        foreach (var row in new[] { new[] { 0.1, 0.2, 5 }, [0.3, 0.9, double.NaN], [0.9, 0.1, double.NaN], [0.7, 0.7, 0.5] })
        {
            var phi = new double[3];
            TreeShap.Add(tree, row, phi);
            var expected = BruteForce([tree], row);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], phi[c], 12);
            }

            Assert.Equal(tree.Value[tree.Leaf(row)] - tree.ExpectedValue(), phi.Sum(), 12);
        }
    }

    private static bool RepeatsASlotOnAPath(ShapTree tree) =>
        Enumerable.Range(1, tree.NodeCount - 1).Any(n =>
        {
            if (tree.IsLeaf(n))
            {
                return false;
            }

            for (var p = tree.Parent(n); p >= 0; p = p == 0 ? -1 : tree.Parent(p))
            {
                if (tree.Slot[p] == tree.Slot[n])
                {
                    return true;
                }
            }

            return false;
        });

    /// <summary>Shapley values by enumerating every subset, with the path-dependent conditional expectation.</summary>
    private static double[] BruteForce(IReadOnlyList<ShapTree> trees, double[] row)
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
                foreach (var tree in trees)
                {
                    phi[i] += weight * (Expectation(tree, 0, row, subset | (1 << i)) - Expectation(tree, 0, row, subset));
                }
            }
        }

        return phi;
    }

    private static double Expectation(ShapTree tree, int node, double[] row, int known)
    {
        if (tree.IsLeaf(node))
        {
            return tree.Value[node];
        }

        var f = tree.Slot[node];
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
