using Microsoft.ML.Trainers.FastTree;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Exact path-dependent TreeSHAP on the trees ML.NET's LightGBM trained, weighted by node covers: how many training
/// rows passed through each node (ML.NET does not keep them, so they are counted from the training rows and stored
/// with the model). Slot values are summed per predictor; the bias is the ensemble's bias plus each tree's
/// cover-weighted mean output. TreeSHAP values plus that bias add up to the ensemble's logit.
/// </summary>
internal sealed class TreeExplainer : IModelExplainer
{
    private readonly ShapTree[] _trees;
    private readonly int[] _slotPredictors;
    private readonly double _bias;

    public TreeExplainer(RegressionTreeEnsemble ensemble, double[][] covers, int[] slotPredictors, int predictorCount)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(covers);
        if (covers.Length != ensemble.Trees.Count)
        {
            throw new ArgumentException($"{covers.Length} cover arrays for {ensemble.Trees.Count} trees.", nameof(covers));
        }

        _trees = [.. ensemble.Trees.Select((tree, k) => Convert(tree, ensemble.TreeWeights[k], covers[k]))];
        _slotPredictors = slotPredictors;
        PredictorCount = predictorCount;
        _bias = ensemble.Bias + _trees.Sum(t => t.ExpectedValue());
    }

    public int PredictorCount { get; }

    /// <summary>Prepared rows counted at a time: the trees walk a block in parallel, and only a block is held.</summary>
    private const int CoverBlockRows = 8192;

    /// <summary>
    /// The node covers of each tree (internal nodes, then leaves) from the prepared training rows, read once as a
    /// stream: a block of rows at a time, each tree walking the block on its own thread.
    /// </summary>
    public static double[][] CountCovers(RegressionTreeEnsemble ensemble, IEnumerable<float[]> preparedRows)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(preparedRows);
        // ML.NET hands the trees out as IReadOnlyList views: copied to arrays once, the walk below indexes arrays
        // instead of making four interface calls per node for each of the training rows.
        var trees = ensemble.Trees.Select(tree => (
            Internal: tree.NumberOfNodes,
            Slots: tree.NumericalSplitFeatureIndexes.ToArray(),
            Left: tree.LeftChild.ToArray(),
            Right: tree.RightChild.ToArray(),
            Thresholds: tree.NumericalSplitThresholds.ToArray())).ToArray();
        var covers = ensemble.Trees.Select(tree => new double[tree.NumberOfNodes + tree.NumberOfLeaves]).ToArray();
        var block = new List<float[]>(CoverBlockRows);
        void Count()
        {
            Parallel.For(0, trees.Length, k =>
            {
                var (internalNodes, slots, left, right, thresholds) = trees[k];
                var cover = covers[k];
                foreach (var row in block)
                {
                    var node = internalNodes == 0 ? ~0 : 0;
                    while (node >= 0)
                    {
                        cover[node]++;
                        node = row[slots[node]] <= thresholds[node] ? left[node] : right[node];
                    }

                    cover[internalNodes + ~node]++;
                }
            });
            block.Clear();
        }

        foreach (var row in preparedRows)
        {
            block.Add(row);
            if (block.Count == CoverBlockRows)
            {
                Count();
            }
        }

        Count();
        return covers;
    }

    public double Explain(ReadOnlySpan<float> prepared, Span<double> contributions)
    {
        var row = new double[prepared.Length];
        for (var s = 0; s < row.Length; s++)
        {
            row[s] = prepared[s];
        }

        var phi = new double[row.Length];
        foreach (var tree in _trees)
        {
            if (tree.NodeCount > 1)
            {
                TreeShap.Add(tree, row, phi);
            }
        }

        contributions.Clear();
        for (var s = 0; s < phi.Length; s++)
        {
            contributions[_slotPredictors[s]] += phi[s];
        }

        return _bias;
    }

    /// <summary>ML.NET's tree (leaves as negative child indexes) as node arrays: internal nodes first, then leaves.</summary>
    private static ShapTree Convert(RegressionTreeBase tree, double weight, double[] cover)
    {
        var internalNodes = tree.NumberOfNodes;
        var count = internalNodes + tree.NumberOfLeaves;
        if (cover.Length != count)
        {
            throw new ArgumentException($"{cover.Length} covers for a tree of {count} nodes.", nameof(cover));
        }

        var slot = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        int Node(int child) => child >= 0 ? child : internalNodes + ~child;
        for (var n = 0; n < internalNodes; n++)
        {
            slot[n] = tree.NumericalSplitFeatureIndexes[n];
            threshold[n] = tree.NumericalSplitThresholds[n];
            left[n] = Node(tree.LeftChild[n]);
            right[n] = Node(tree.RightChild[n]);
        }

        for (var l = 0; l < tree.NumberOfLeaves; l++)
        {
            slot[internalNodes + l] = -1;
            value[internalNodes + l] = weight * tree.LeafValues[l];
        }

        return new ShapTree(slot, threshold, new bool[count], left, right, value, cover);
    }
}
