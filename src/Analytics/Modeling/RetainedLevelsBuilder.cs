using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Learns <see cref="RetainedLevels"/> from the training observations.</summary>
internal static class RetainedLevelsBuilder
{
    /// <summary>
    /// The last quarter of labelled observation dates: recent enough to describe accounts as they are used today (a
    /// company's usage grows with its product), long enough for every plan to have retained rows.
    /// </summary>
    internal const int ReferenceDays = 91;

    /// <summary>
    /// Medians per plan of the <see cref="RetainedLevels.IsLevel"/> predictors over the rows labelled "did not churn"
    /// whose date lies in the last <see cref="ReferenceDays"/> of labelled dates. A sampled set keeps every retained row
    /// it sampled; all weigh alike, so the sample's median stands for the company's. Missing values are left out.
    /// </summary>
    public static RetainedLevels Build(ObservationSet set, PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(settings);
        var columns = set.PredictorNames.Select((name, c) => (name, c)).Where(f => RetainedLevels.IsLevel(f.name)).ToArray();
        var planColumn = IndexOf(set.PredictorNames, PredictorNames.PlanTier);
        var labelled = Enumerable.Range(0, set.Count).Where(r => set.Churn[r] >= 0).ToArray();
        if (columns.Length == 0 || labelled.Length == 0)
        {
            return RetainedLevels.None;
        }

        var from = labelled.Max(r => set.Day[r]) - ReferenceDays;
        var values = new Dictionary<string, List<float>[]>(StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = set.Predictors.OpenReader();
        var row = new float[set.PredictorCount];
        foreach (var r in labelled.Where(r => set.Churn[r] == 0 && set.Day[r] > from))
        {
            reader.Read(r, row);
            var tier = planColumn < 0 ? double.NaN : row[planColumn];
            var plan = !double.IsNaN(tier) && tier >= 1 && tier <= settings.PlanTiers.Count ? settings.PlanTiers[(int)tier - 1] : null;
            foreach (var key in plan is null ? [RetainedLevels.AllPlans] : new[] { RetainedLevels.AllPlans, plan })
            {
                if (!values.TryGetValue(key, out var lists))
                {
                    values[key] = lists = [.. columns.Select(_ => new List<float>())];
                }

                rows[key] = rows.GetValueOrDefault(key) + 1;
                for (var i = 0; i < columns.Length; i++)
                {
                    if (!float.IsNaN(row[columns[i].c]))
                    {
                        lists[i].Add(row[columns[i].c]);
                    }
                }
            }
        }

        var medians = values.ToDictionary(
            v => v.Key,
            v => (IReadOnlyDictionary<string, double>)columns.Select((f, i) => (f.name, Median: Median(v.Value[i])))
                .Where(f => !double.IsNaN(f.Median))
                .ToDictionary(f => f.name, f => f.Median, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new RetainedLevels(medians, rows);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static double Median(List<float> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + (double)values[mid]) / 2;
    }
}
