using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Learning.Evaluation;

/// <summary>
/// Permutation importance: how much a model's AUC drops when one column's values are shuffled across rows, which
/// breaks the column's link to the label while keeping its distribution. Works with any learner through its scorer.
/// </summary>
/// <remarks>
/// Compute it on rows the model did not train on (the backtest's test period): on training rows it also rewards
/// features the model over-fitted. Correlated columns share their credit: shuffling one leaves the other to carry
/// the signal, so both can look unimportant. Missing values (NaN) are shuffled with the rest.
/// </remarks>
internal static class PermutationImportance
{
    /// <summary>Per column, in column order: the mean and standard deviation of the AUC drop over the repeats.</summary>
    /// <param name="x">The rows to score.</param>
    /// <param name="labels">0/1 labels, one per row, both classes present.</param>
    /// <param name="predictProbabilities">The model's scorer: one probability per row.</param>
    /// <param name="repeats">Shuffles per column, at least 1.</param>
    /// <param name="seed">Seed of the shuffles; column j always uses the same derived seed, whatever the other columns.</param>
    public static IReadOnlyList<ColumnImportance> Compute(
        FeatureMatrix x,
        double[] labels,
        Func<FeatureMatrix, double[]> predictProbabilities,
        int repeats,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictProbabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var actual = BinaryLabels.ToBooleans(labels, x.Rows, nameof(labels));
        if (!actual.Contains(true) || !actual.Contains(false))
        {
            throw new ArgumentException("Permutation importance needs both classes for an AUC.", nameof(labels));
        }

        var baseline = Auc(x, actual, predictProbabilities);
        var values = new double[x.Rows * x.Columns];
        for (var r = 0; r < x.Rows; r++)
        {
            x.Row(r).CopyTo(values.AsSpan(r * x.Columns, x.Columns));
        }

        var result = new ColumnImportance[x.Columns];
        var drops = new double[repeats];
        for (var c = 0; c < x.Columns; c++)
        {
            var random = new Random(SeedMixer.Derive(seed, c, 0));
            for (var k = 0; k < repeats; k++)
            {
                var shuffled = (double[])values.Clone();
                var order = Enumerable.Range(0, x.Rows).ToArray();
                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }

                for (var r = 0; r < x.Rows; r++)
                {
                    shuffled[(r * x.Columns) + c] = values[(order[r] * x.Columns) + c];
                }

                drops[k] = baseline - Auc(new FeatureMatrix(x.ColumnNames, shuffled), actual, predictProbabilities);
            }

            var mean = drops.Average();
            var variance = drops.Sum(d => (d - mean) * (d - mean)) / repeats;
            result[c] = new ColumnImportance(x.ColumnNames[c], mean, Math.Sqrt(variance));
        }

        return result;
    }

    private static double Auc(FeatureMatrix x, bool[] actual, Func<FeatureMatrix, double[]> predictProbabilities)
    {
        var predicted = predictProbabilities(x);
        if (predicted is null || predicted.Length != x.Rows)
        {
            throw new InvalidOperationException($"The scorer must return one probability per row ({x.Rows}).");
        }

        return ClassificationMetrics.Auc(predicted, actual);
    }
}
