using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A fitted ensemble: logit = <see cref="BaseScore"/> + the sum of the trees' leaf values. Scores rows, explains them
/// with exact TreeSHAP contributions, and is written and read by <see cref="GradientBoostedTreesModelJson"/>.
/// </summary>
public sealed class GradientBoostedTreesModel
{
    /// <summary>Rows scored together, tree by tree, so the trees' nodes stay in cache (64 rows x 50 columns = 25 KB, in L1).</summary>
    private const int ScoringBlock = 64;

    private readonly PredictionNode[] _nodes;
    private readonly double[] _leafValues;
    private readonly int[] _roots;
    private readonly int[] _depths;

    internal GradientBoostedTreesModel(IReadOnlyList<string> columnNames, double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        ColumnNames = columnNames;
        BaseScore = baseScore;
        Trees = trees;
        _roots = new int[trees.Count];
        _depths = new int[trees.Count];
        var nodes = new List<PredictionNode>();
        var leafValues = new List<double>();
        for (var t = 0; t < trees.Count; t++)
        {
            _roots[t] = nodes.Count;
            _depths[t] = AddNodes(trees[t], nodes, leafValues);
        }

        _nodes = nodes.ToArray();
        _leafValues = leafValues.ToArray();
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
        Parallel.For(0, (x.Rows + ScoringBlock - 1) / ScoringBlock, block =>
        {
            var start = block * ScoringBlock;
            var count = Math.Min(ScoringBlock, x.Rows - start);

            // FeatureMatrix is row-major in one array, so consecutive rows are one contiguous span.
            var values = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference(x.Row(start)), count * x.Columns);
            ScoreBlock(values, x.Columns, logits.AsSpan(start, count));
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
        Span<double> logit = stackalloc double[1];
        ScoreBlock(row, row.Length, logit);
        return logit[0];
    }

    /// <summary>
    /// Tree by tree over a block of rows, level by level: every row of the block takes one step down before any takes
    /// the next, so the steps of neighbouring rows are independent and the processor overlaps them. No step branches
    /// on the data (leaves loop to themselves). Each row's logit adds the trees in order, as
    /// <see cref="PredictLogit"/> does, so single and batch scores are equal to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreBlock(ReadOnlySpan<double> values, int columns, Span<double> logits)
    {
        var count = logits.Length;
        Span<int> index = stackalloc int[ScoringBlock];
        index = index[..count];
        logits.Fill(BaseScore);

        // Unchecked references: node links and columns were checked when the model was built or read
        // (GradientBoostedTreesModelJson.Deserialize), and callers check the row width.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var firstValue = ref MemoryMarshal.GetReference(values);
        ref var firstIndex = ref MemoryMarshal.GetReference(index);
        var anyMissing = HasMissing(values);
        unchecked
        {
            for (var t = 0; t < _roots.Length; t++)
            {
                index.Fill(_roots[t]);
                var depth = _depths[t];
                for (var d = 0; d < depth; d++)
                {
                    var offset = 0;
                    if (anyMissing)
                    {
                        for (var r = 0; r < count; r++, offset += columns)
                        {
                            ref var slot = ref Unsafe.Add(ref firstIndex, r);
                            ref readonly var node = ref Unsafe.Add(ref nodes, slot);
                            var column = node.Column;
                            var v = Unsafe.Add(ref firstValue, offset + (column ^ (column >> 31)));
                            var goLeft = (v <= node.Value) | ((column < 0) & double.IsNaN(v));
                            slot = node.Left + (goLeft ? 0 : 1);
                        }
                    }
                    else
                    {
                        // No missing value in the block: the comparison alone decides.
                        for (var r = 0; r < count; r++, offset += columns)
                        {
                            ref var slot = ref Unsafe.Add(ref firstIndex, r);
                            ref readonly var node = ref Unsafe.Add(ref nodes, slot);
                            var column = node.Column;
                            slot = node.Left + (Unsafe.Add(ref firstValue, offset + (column ^ (column >> 31))) > node.Value ? 1 : 0);
                        }
                    }
                }

                for (var r = 0; r < count; r++)
                {
                    logits[r] += _leafValues[index[r]];
                }
            }
        }
    }

    private static bool HasMissing(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static double Sigmoid(double logit) => 1.0 / (1.0 + Math.Exp(-logit));

    /// <summary>Appends the tree's packed nodes and returns its depth.</summary>
    private static int AddNodes(RegressionTree tree, List<PredictionNode> nodes, List<double> leafValues)
    {
        // Breadth-first renumbering so that every right child sits right after its left sibling.
        var offset = nodes.Count;
        var order = new List<int> { 0 };
        var position = new int[tree.NodeCount];
        var depthOf = new int[tree.NodeCount];
        var depth = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            position[node] = i;
            depth = Math.Max(depth, depthOf[node]);
            if (!tree.IsLeaf(node))
            {
                order.Add(tree.Left[node]);
                order.Add(tree.Right[node]);
                depthOf[tree.Left[node]] = depthOf[node] + 1;
                depthOf[tree.Right[node]] = depthOf[node] + 1;
            }
        }

        foreach (var node in order)
        {
            // A leaf sends every row (missing values too: column ~0) "left" to itself, so a walk may overrun it.
            nodes.Add(tree.IsLeaf(node)
                ? new PredictionNode(double.PositiveInfinity, ~0, offset + position[node])
                : new PredictionNode(tree.Threshold[node], tree.DefaultLeft[node] ? ~tree.Feature[node] : tree.Feature[node], offset + position[tree.Left[node]]));
            leafValues.Add(tree.IsLeaf(node) ? tree.Value[node] : 0);
        }

        return depth;
    }
}
