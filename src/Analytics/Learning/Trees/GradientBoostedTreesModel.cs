using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using System.Runtime.InteropServices;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A fitted ensemble: logit = <see cref="BaseScore"/> + the sum of the trees' leaf values. Scores rows, explains them
/// with exact TreeSHAP contributions, and is written and read by <see cref="GradientBoostedTreesModelJson"/>.
/// </summary>
public sealed class GradientBoostedTreesModel
{
    private readonly BlockScorer _blockScorer;

    internal GradientBoostedTreesModel(IReadOnlyList<string> columnNames, double baseScore, IReadOnlyList<ShapTree> trees)
    {
        ColumnNames = columnNames;
        BaseScore = baseScore;
        Trees = trees;
        _blockScorer = new BlockScorer(columnNames.Count, baseScore, trees);
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

    internal IReadOnlyList<ShapTree> Trees { get; }

    public double PredictLogit(ReadOnlySpan<double> row)
    {
        if (row.Length != ColumnNames.Count)
        {
            throw new ArgumentException($"The row has {row.Length} values, the model {ColumnNames.Count} columns.", nameof(row));
        }

        // The definition every batch path must agree with to the bit: base score, then each tree's leaf in order.
        var logit = BaseScore;
        foreach (var tree in Trees)
        {
            logit += tree.Value[tree.Leaf(row)];
        }

        return logit;
    }

    public double PredictProbability(ReadOnlySpan<double> row) => Sigmoid(PredictLogit(row));

    /// <summary>
    /// Logits of every row, 128-row blocks in parallel (<see cref="BlockScorer"/>); each equals
    /// <see cref="PredictLogit"/> of its row to the bit.
    /// </summary>
    public double[] PredictLogits(FeatureMatrix x) => PredictLogits(x, vectorised: true);

    /// <summary>As <see cref="PredictLogits(FeatureMatrix)"/>; <paramref name="vectorised"/> false forces the scalar path (for tests).</summary>
    internal double[] PredictLogits(FeatureMatrix x, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != ColumnNames.Count)
        {
            throw new ArgumentException($"The matrix has {x.Columns} columns, the model {ColumnNames.Count}.", nameof(x));
        }

        var logits = new double[x.Rows];
        var blocks = (x.Rows + BlockScorer.BlockRows - 1) / BlockScorer.BlockRows;
        Parallel.For(
            0,
            blocks,
            () => new byte[Math.Max(1, _blockScorer.SlotCount) * 2 * BlockScorer.BlockRows],
            (block, _, ranks) =>
            {
                var start = block * BlockScorer.BlockRows;
                var count = Math.Min(BlockScorer.BlockRows, x.Rows - start);

                // FeatureMatrix is row-major in one array, so consecutive rows are one contiguous span.
                var values = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference(x.Row(start)), count * x.Columns);
                _blockScorer.ScoreBlock(values, x.Columns, logits.AsSpan(start, count), ranks, vectorised);
                return ranks;
            },
            _ => { });
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

    private static double Sigmoid(double logit) => 1.0 / (1.0 + Math.Exp(-logit));
}
