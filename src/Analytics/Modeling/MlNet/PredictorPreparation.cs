using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// The ML.NET transforms that turn the predictor columns into the learner's <c>Features</c> vector, so a saved model
/// carries its own preparation: per predictor that has missing values in training, a 0/1 "missing" slot
/// (<c>IndicateMissingValues</c>); every value missing, in training or later, replaced by its training mean
/// (<c>ReplaceMissingValues</c>); for the linear model also signed log1p of the count-like predictors first
/// (<c>Expression</c>) and z-scores of the values fitted on the training rows (<c>NormalizeMeanVariance</c>). A predictor missing on every training row keeps only its (constant) slot, which
/// the linear model's z-score turns into 0 and no tree can split: it contributes exactly 0. An account table's text
/// columns become one-hot vectors over the levels ChurnWatch keeps (<c>OneHotEncoding</c>).
/// </summary>
internal sealed record PredictorPreparation(IEstimator<ITransformer> Estimator, int[] SlotPredictors)
{
    /// <summary>
    /// The prepared vector every learner reads. Its name is ML.NET's: the trainers' <c>FeatureColumnName</c> defaults to
    /// "Features", so it (and the other ML.NET API names with "feature" in them) keeps ML.NET's spelling, although
    /// ChurnWatch calls the model inputs predictors.
    /// </summary>
    public const string FeaturesColumn = "Features";

    private const string ValuesColumn = "Values";

    private const string MissingSuffix = "#missing";
    private const string FilledSuffix = "#filled";
    private const string LogSuffix = "#log1p";
    private const string OneHotSuffix = "#onehot";

    /// <summary>The preparation for <paramref name="x"/>'s columns, fitted later on the training rows.</summary>
    /// <param name="forLinearModel">Adds log1p of count-like predictors and z-scores.</param>
    public static PredictorPreparation For(MLContext ml, PredictorTable x, IReadOnlySet<string> countLike, bool forLinearModel)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (missing, present) = x.MissingAndPresent();
        return For(ml, x.ColumnNames, new IReadOnlyList<string>?[x.ColumnNames.Count], missing, present, countLike, forLinearModel);
    }

    /// <summary>
    /// The preparation for input columns some of which are text (an account table's): a text column with
    /// <paramref name="levels"/> becomes ML.NET's one-hot vector over exactly those levels (<c>OneHotEncoding</c> with
    /// them as its key data), so a level outside them, or an empty cell, is the all-zero vector; numeric columns are
    /// prepared as above. The one-hot slots come after the numeric values and before the missing slots, each mapped to
    /// its column in <see cref="SlotPredictors"/>; for the linear model they are z-scored with the values.
    /// </summary>
    /// <param name="levels">Per column, null for a number (a <c>float</c> input), else the text levels it keeps.</param>
    /// <param name="missing">Per column, whether some training value is missing (ignored for text).</param>
    /// <param name="present">Per column, whether some training value is present (ignored for text).</param>
    public static PredictorPreparation For(
        MLContext ml, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string>?> levels, bool[] missing, bool[] present,
        IReadOnlySet<string> countLike, bool forLinearModel)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(countLike);
        var numeric = Enumerable.Range(0, names.Count).Where(c => levels[c] is null).ToArray();
        var text = Enumerable.Range(0, names.Count).Where(c => levels[c] is not null).ToArray();
        var indicated = numeric.Where(c => missing[c] && present[c]).ToArray();
        IEstimator<ITransformer> estimator = new EstimatorChain<ITransformer>();
        if (indicated.Length > 0)
        {
            var indicators = indicated.Select(c => new InputOutputColumnPair(names[c] + MissingSuffix, names[c])).ToArray();
            estimator = estimator
                .Append(ml.Transforms.IndicateMissingValues(indicators))
                .Append(ml.Transforms.Conversion.ConvertType(indicators.Select(p => new InputOutputColumnPair(p.OutputColumnName, p.OutputColumnName)).ToArray(), DataKind.Single));
        }

        var valueColumns = names.ToArray();
        if (forLinearModel)
        {
            foreach (var c in numeric)
            {
                if (countLike.Contains(names[c]))
                {
                    // Counts are heavy-tailed: on the log scale one coefficient fits 3 vs 30 as well as 30 vs 300.
                    // Missing stays missing (NaN), so the replacement below is the mean on the log scale.
                    var logged = names[c] + LogSuffix;
                    estimator = estimator.Append(ml.Transforms.Expression(logged, "x => sign(x) * log(abs(x) + 1)", valueColumns[c]));
                    valueColumns[c] = logged;
                }
            }
        }

        // Every predictor is replaced, not only those missing in training: a value missing only when scoring must not
        // reach the learner as NaN. A column missing on every row has no mean: it becomes 0 (ML.NET's default), a constant.
        var filled = numeric.Select(c => new InputOutputColumnPair(valueColumns[c] + FilledSuffix, valueColumns[c])).ToArray();
        if (filled.Length > 0)
        {
            estimator = estimator.Append(ml.Transforms.ReplaceMissingValues(filled, MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        foreach (var c in text)
        {
            // The levels ChurnWatch keeps (the most frequent ones) are the key data, so ML.NET's one-hot has exactly
            // one slot per kept level; any other value, unseen or empty, has no key and becomes the all-zero vector.
            var keyData = ml.Data.LoadFromEnumerable(levels[c]!.Select(level => new Level { Value = level }));
            estimator = estimator.Append(ml.Transforms.Categorical.OneHotEncoding(names[c] + OneHotSuffix, names[c], keyData: keyData));
        }

        var valueParts = filled.Select(p => p.OutputColumnName).Concat(text.Select(c => names[c] + OneHotSuffix)).ToArray();
        var slots = numeric.Concat(text.SelectMany(c => Enumerable.Repeat(c, levels[c]!.Count))).Concat(indicated).ToArray();
        var indicatorColumns = indicated.Select(c => names[c] + MissingSuffix).ToArray();
        if (forLinearModel)
        {
            // z-scores for the values (and one-hot slots, whose L2 penalty then weighs a rare level's coefficient per
            // unit of its spread, as for any value); the 0/1 missing slots stay 0/1, so a missing value reads as "the
            // training mean, plus the missing slot's own weight".
            estimator = estimator
                .Append(ml.Transforms.Concatenate(ValuesColumn, valueParts))
                .Append(ml.Transforms.NormalizeMeanVariance(ValuesColumn, fixZero: false))
                .Append(ml.Transforms.Concatenate(FeaturesColumn, [ValuesColumn, .. indicatorColumns]));
        }
        else
        {
            estimator = estimator.Append(ml.Transforms.Concatenate(FeaturesColumn, [.. valueParts, .. indicatorColumns]));
        }

        return new PredictorPreparation(estimator, slots);
    }

    /// <summary>One row of a one-hot encoding's key data: a level it keeps.</summary>
    private sealed class Level
    {
        public string Value { get; set; } = string.Empty;
    }
}
