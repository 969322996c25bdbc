using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Fits the columns' transforms on training rows only (log1p for count-like features, mean imputation, missing
/// indicators for features with missing values, z-scores) and turns rows into the standardised design matrix.
/// </summary>
internal static class Standardiser
{
    public static ModelColumn[] Fit(ObservationSet set, IReadOnlyList<FeatureDefinition> definitions, int[] rows)
    {
        var columns = new List<ModelColumn>();
        var width = set.FeatureCount;
        for (var f = 0; f < width; f++)
        {
            var log = definitions[f].IsCountLike;
            double sum = 0;
            var present = 0;
            foreach (var r in rows)
            {
                var v = set.Features[(r * width) + f];
                if (!double.IsNaN(v))
                {
                    sum += log ? ModelColumn.SignedLog1p(v) : v;
                    present++;
                }
            }

            var mean = present > 0 ? sum / present : 0.0;
            double squares = 0;
            foreach (var r in rows)
            {
                var v = set.Features[(r * width) + f];
                if (!double.IsNaN(v))
                {
                    var d = (log ? ModelColumn.SignedLog1p(v) : v) - mean;
                    squares += d * d;
                }
            }

            // Imputed rows sit at the mean, so they add no variance: the scale is the spread over all rows.
            var scale = rows.Length > 0 ? Math.Sqrt(squares / rows.Length) : 0.0;
            columns.Add(new ModelColumn(set.FeatureNames[f], set.FeatureNames[f], false, log, mean, Clean(scale), 0.0));

            var missing = rows.Length - present;
            if (missing > 0)
            {
                var rate = missing / (double)rows.Length;
                var indicatorScale = Math.Sqrt(rate * (1 - rate));
                columns.Add(new ModelColumn(set.FeatureNames[f] + "_missing", set.FeatureNames[f], true, false, rate, Clean(indicatorScale), 0.0));
            }
        }

        return [.. columns];
    }

    /// <summary>Standardised design matrix (row-major, rows x columns) for the selected rows.</summary>
    public static double[] Transform(ObservationSet set, ModelColumn[] columns, int[] rows)
    {
        var sources = SourceIndexes(set.FeatureNames, columns);
        var width = set.FeatureCount;
        var z = new double[(long)rows.Length * columns.Length];
        Parallel.For(0, rows.Length, i =>
        {
            var r = rows[i];
            for (var c = 0; c < columns.Length; c++)
            {
                z[(i * columns.Length) + c] = columns[c].Standardise(set.Features[(r * width) + sources[c]]);
            }
        });
        return z;
    }

    public static int[] SourceIndexes(IReadOnlyList<string> featureNames, IReadOnlyList<ModelColumn> columns)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < featureNames.Count; i++)
        {
            index[featureNames[i]] = i;
        }

        return columns.Select(c => index[c.Feature]).ToArray();
    }

    // A near-zero spread is numerical noise around a constant; treating it as constant avoids huge z-scores.
    private static double Clean(double scale) => scale > 1e-12 ? scale : 0.0;
}
