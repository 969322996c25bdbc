using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Learning.Evaluation;

/// <summary>
/// Seeded k-fold assignment that keeps every row of a group (an account observed on many dates) in one fold, with the
/// folds' positive counts as even as whole groups allow. Rows of one account on nearby dates are nearly copies of
/// each other: with the account on both sides of a split, a model is scored partly on rows it has in effect seen.
/// </summary>
/// <remarks>
/// Groups are shuffled (seeded), then taken most positives first (shuffled order breaks ties) and each is given to
/// the fold with the fewest positives so far, then the fewest rows, then the lowest number.
/// </remarks>
public static class StratifiedGroupKFold
{
    /// <summary>The fold (0 to <paramref name="folds"/> - 1) of each row; the same labels, groups and seed give the same folds.</summary>
    /// <param name="labels">0/1 labels.</param>
    /// <param name="groups">One group key per row.</param>
    /// <param name="folds">Number of folds, at least 2 and at most the number of groups.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static int[] Split(ReadOnlySpan<double> labels, IReadOnlyList<string> groups, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var actual = BinaryLabels.ToBooleans(labels, groups.Count, nameof(labels));
        var rowsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var r = 0; r < groups.Count; r++)
        {
            if (!rowsOf.TryGetValue(groups[r], out var rows))
            {
                rows = [];
                rowsOf[groups[r]] = rows;
                order.Add(groups[r]);
            }

            rows.Add(r);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, order.Count);
        var random = new Random(SeedMixer.Derive(seed, 2, 0));
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var positivesOf = order.ToDictionary(g => g, g => rowsOf[g].Count(r => actual[r]), StringComparer.Ordinal);
        var foldPositives = new int[folds];
        var foldRows = new int[folds];
        var assignment = new int[groups.Count];
        // OrderByDescending is a stable sort: equal counts keep the shuffled order.
        foreach (var group in order.OrderByDescending(g => positivesOf[g]))
        {
            var best = 0;
            for (var k = 1; k < folds; k++)
            {
                if (foldPositives[k] < foldPositives[best] || (foldPositives[k] == foldPositives[best] && foldRows[k] < foldRows[best]))
                {
                    best = k;
                }
            }

            foreach (var r in rowsOf[group])
            {
                assignment[r] = best;
            }

            foldPositives[best] += positivesOf[group];
            foldRows[best] += rowsOf[group].Count;
        }

        return assignment;
    }
}
