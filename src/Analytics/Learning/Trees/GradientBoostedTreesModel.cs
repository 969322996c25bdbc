using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// the next, so the steps of neighbouring rows are independent (four at a time with AVX2 gathers). No step
    /// branches on the data (leaves loop to themselves). Each row's logit adds the trees in order, as
    /// <see cref="PredictLogit"/> does, so single and batch scores are equal to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void ScoreBlock(ReadOnlySpan<double> values, int columns, Span<double> logits)
    {
        var count = logits.Length;
        Span<long> index = stackalloc long[ScoringBlock];
        index = index[..count];
        logits.Fill(BaseScore);
        var vectorCount = Avx2.IsSupported ? count & ~3 : 0;
        var laneOffsets = Vector256.Create(0L, columns, 2L * columns, 3L * columns);
        var columnMask = Vector256.Create((long)int.MaxValue);
        var defaultLeftBit = Vector256.Create(0x8000_0000L);

        // Node links and columns were checked when the model was built or read (GradientBoostedTreesModelJson), and
        // callers check the row width, so the unchecked reads stay inside the arrays.
        fixed (PredictionNode* nodes = _nodes)
        fixed (double* firstValue = values)
        fixed (long* firstIndex = index)
        {
            // PredictionNode is { double threshold; int column; int left }: 16 bytes read as two 8-byte lanes.
            var thresholds = (double*)nodes;
            var links = (long*)nodes + 1;
            unchecked
            {
                for (var t = 0; t < _roots.Length; t++)
                {
                    index.Fill(_roots[t]);
                    var depth = _depths[t];
                    for (var d = 0; d < depth; d++)
                    {
                        var r = 0;
                        for (; r < vectorCount; r += 4)
                        {
                            var slot = Avx2.ShiftLeftLogical(Avx.LoadVector256(firstIndex + r), 1);
                            var threshold = Avx2.GatherVector256(thresholds, slot, 8);
                            var link = Avx2.GatherVector256(links, slot, 8);
                            var cells = Vector256.Create((long)r * columns) + laneOffsets + (link & columnMask);
                            var v = Avx2.GatherVector256(firstValue, cells, 8);
                            var below = Avx.Compare(v, threshold, FloatComparisonMode.OrderedLessThanOrEqualNonSignaling).AsInt64();
                            var missing = Avx.Compare(v, v, FloatComparisonMode.UnorderedNonSignaling).AsInt64();
                            var defaultLeft = Avx2.CompareEqual(link & defaultLeftBit, defaultLeftBit);

                            // goLeft is all ones (-1) or 0, so left + goLeft + 1 is the left or the right child.
                            var goLeft = below | (missing & defaultLeft);
                            Avx.Store(firstIndex + r, Avx2.ShiftRightLogical(link, 32) + goLeft + Vector256<long>.One);
                        }

                        for (; r < count; r++)
                        {
                            ref readonly var node = ref nodes[firstIndex[r]];
                            var column = node.Column;
                            var v = firstValue[((long)r * columns) + (column & int.MaxValue)];
                            var goLeft = (v <= node.Value) | ((column < 0) & double.IsNaN(v));
                            firstIndex[r] = node.Left + (goLeft ? 0 : 1);
                        }
                    }

                    for (var r = 0; r < count; r++)
                    {
                        logits[r] += _leafValues[index[r]];
                    }
                }
            }
        }
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
            // A leaf sends every row (missing values too: column 0, missing goes left) "left" to itself, so a walk may overrun it.
            nodes.Add(tree.IsLeaf(node)
                ? new PredictionNode(double.PositiveInfinity, int.MinValue, offset + position[node])
                : new PredictionNode(tree.Threshold[node], tree.DefaultLeft[node] ? tree.Feature[node] | int.MinValue : tree.Feature[node], offset + position[tree.Left[node]]));
            leafValues.Add(tree.IsLeaf(node) ? tree.Value[node] : 0);
        }

        return depth;
    }
}
