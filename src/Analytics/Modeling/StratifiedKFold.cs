using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Seeded k-fold assignment that keeps each fold's class ratio close to the whole set's. For rows that share no time
/// order (out-of-fold predictions within one period, the calibration split); across time, backtest instead.
/// </summary>
/// <remarks>
/// Each class's rows are shuffled (Fisher-Yates with <c>new Random(seed)</c>, one derived seed per class) and dealt
/// round-robin to the folds; the negatives' deal continues at the fold where the positives' deal stopped. So each fold
/// holds floor or ceiling of (class count / folds) rows of each class, and fold sizes differ by at most one.
/// </remarks>
internal static class StratifiedKFold
{
    /// <summary>The fold (0 to <paramref name="folds"/> - 1) of each row; the same labels and seed give the same folds.</summary>
    /// <param name="labels">0/1 labels.</param>
    /// <param name="folds">Number of folds, at least 2 and at most the number of rows.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static int[] Split(ReadOnlySpan<double> labels, int folds, int seed)
    {
        var actual = BinaryLabels.ToBooleans(labels, labels.Length, nameof(labels));
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, actual.Length);

        var assignment = new int[actual.Length];
        var next = 0;
        foreach (var positive in new[] { true, false })
        {
            var rows = Enumerable.Range(0, actual.Length).Where(r => actual[r] == positive).ToArray();
            var random = new Random(SeedMixer.Derive(seed, positive ? 1 : 0, 0));
            for (var i = rows.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }

            foreach (var row in rows)
            {
                assignment[row] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
