namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A fitted ensemble: logit = <see cref="BaseScore"/> + the sum of the trees' leaf values. Scores rows, explains them
/// with exact TreeSHAP contributions, and is written and read by <see cref="GradientBoostedTreesModelJson"/>.
/// </summary>
public sealed class GradientBoostedTreesModel
{
    private readonly PredictionNode[] _nodes;
    private readonly int[] _roots;

    internal GradientBoostedTreesModel(IReadOnlyList<string> columnNames, double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        ColumnNames = columnNames;
        BaseScore = baseScore;
        Trees = trees;
        _roots = new int[trees.Count];
        var nodes = new List<PredictionNode>();
        for (var t = 0; t < trees.Count; t++)
        {
            _roots[t] = nodes.Count;
            AddNodes(trees[t], nodes);
        }

        _nodes = nodes.ToArray();
        var bias = baseScore;
        foreach (var tree in trees)
        {
            bias += tree.ExpectedValue();
        }

        Bias = bias;
    }

    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The log-odds of the training mean, where boosting started.</summary>
    public double BaseScore { get; }

    /// <summary>The mean logit over the training rows (by cover): what the contributions of a row start from.</summary>
    public double Bias { get; }

    public int TreeCount => Trees.Count;

    internal IReadOnlyList<RegressionTree> Trees { get; }

    public double PredictLogit(ReadOnlySpan<double> row)
    {
        if (row.Length != ColumnNames.Count)
        {
            throw new ArgumentException($"The row has {row.Length} values, the model {ColumnNames.Count} columns.", nameof(row));
        }

        return Score(row);
    }

    public double PredictProbability(ReadOnlySpan<double> row) => Sigmoid(PredictLogit(row));

    /// <summary>Logits of every row, in parallel over rows (each row's sum runs in tree order, so results are exact).</summary>
    public double[] PredictLogits(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != ColumnNames.Count)
        {
            throw new ArgumentException($"The matrix has {x.Columns} columns, the model {ColumnNames.Count}.", nameof(x));
        }

        var logits = new double[x.Rows];
        const int Block = 4096;
        Parallel.For(0, (x.Rows + Block - 1) / Block, block =>
        {
            var end = Math.Min(x.Rows, (block + 1) * Block);
            for (var r = block * Block; r < end; r++)
            {
                logits[r] = Score(x.Row(r));
            }
        });
        return logits;
    }

    public double[] PredictProbabilities(FeatureMatrix x)
    {
        var logits = PredictLogits(x);
        for (var r = 0; r < logits.Length; r++)
        {
            logits[r] = Sigmoid(logits[r]);
        }

        return logits;
    }

    /// <summary>
    /// Exact path-dependent TreeSHAP (Lundberg et al.): one contribution per column, then <see cref="Bias"/> as the
    /// last element; they sum to <see cref="PredictLogit"/> of the row.
    /// </summary>
    public double[] Contributions(ReadOnlySpan<double> row)
    {
        if (row.Length != ColumnNames.Count)
        {
            throw new ArgumentException($"The row has {row.Length} values, the model {ColumnNames.Count} columns.", nameof(row));
        }

        var phi = new double[ColumnNames.Count + 1];
        foreach (var tree in Trees)
        {
            TreeShap.Add(tree, row, phi);
        }

        phi[^1] = Bias;
        return phi;
    }

    /// <summary>Total split gain per column over all trees, divided by the total (zeros when nothing was split).</summary>
    public double[] GainImportance()
    {
        var gain = new double[ColumnNames.Count];
        foreach (var tree in Trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
            {
                if (!tree.IsLeaf(node))
                {
                    gain[tree.Feature[node]] += tree.Gain[node];
                }
            }
        }

        var total = gain.Sum();
        return total > 0 ? gain.Select(g => g / total).ToArray() : gain;
    }

    private double Score(ReadOnlySpan<double> row)
    {
        var nodes = _nodes;
        var sum = BaseScore;
        foreach (var root in _roots)
        {
            var node = nodes[root];
            while (node.Left >= 0)
            {
                var column = node.Column;
                var v = row[column < 0 ? ~column : column];
                var goLeft = double.IsNaN(v) ? column < 0 : v <= node.Value;
                node = nodes[goLeft ? node.Left : node.Left + 1];
            }

            sum += node.Value;
        }

        return sum;
    }

    private static double Sigmoid(double logit) => 1.0 / (1.0 + Math.Exp(-logit));

    private static void AddNodes(RegressionTree tree, List<PredictionNode> nodes)
    {
        // Breadth-first renumbering so that every right child sits right after its left sibling.
        var offset = nodes.Count;
        var order = new List<int> { 0 };
        var position = new int[tree.NodeCount];
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            position[node] = i;
            if (!tree.IsLeaf(node))
            {
                order.Add(tree.Left[node]);
                order.Add(tree.Right[node]);
            }
        }

        foreach (var node in order)
        {
            nodes.Add(tree.IsLeaf(node)
                ? new PredictionNode(tree.Value[node], 0, -1)
                : new PredictionNode(tree.Threshold[node], tree.DefaultLeft[node] ? ~tree.Feature[node] : tree.Feature[node], offset + position[tree.Left[node]]));
        }
    }
}
