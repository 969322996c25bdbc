using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// The ML.NET transforms that turn the feature columns into the learner's <c>Features</c> vector, so a saved model
/// carries its own preparation: per feature that has missing values in training, a 0/1 "missing" slot
/// (<c>IndicateMissingValues</c>); every value missing, in training or later, replaced by its training mean
/// (<c>ReplaceMissingValues</c>); for the linear model also signed log1p of the count-like features first
/// (<c>Expression</c>) and z-scores of the values fitted on the training rows (<c>NormalizeMeanVariance</c>). A feature missing on every training row keeps only its (constant) slot, which
/// the linear model's z-score turns into 0 and no tree can split: it contributes exactly 0.
/// </summary>
internal sealed record FeaturePreparation(IEstimator<ITransformer> Estimator, int[] SlotFeatures)
{
    /// <summary>The prepared vector every learner reads.</summary>
    public const string FeaturesColumn = "Features";

    private const string ValuesColumn = "Values";

    private const string MissingSuffix = "#missing";
    private const string FilledSuffix = "#filled";
    private const string LogSuffix = "#log1p";

    /// <summary>The preparation for <paramref name="x"/>'s columns, fitted later on the training rows.</summary>
    /// <param name="forLinearModel">Adds log1p of count-like features and z-scores.</param>
    public static FeaturePreparation For(MLContext ml, FeatureMatrix x, IReadOnlySet<string> countLike, bool forLinearModel)
    {
        var names = x.ColumnNames;
        var missing = new bool[names.Count];
        var present = new bool[names.Count];
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var c = 0; c < row.Length; c++)
            {
                if (double.IsNaN(row[c]))
                {
                    missing[c] = true;
                }
                else
                {
                    present[c] = true;
                }
            }
        }

        var indicated = Enumerable.Range(0, names.Count).Where(c => missing[c] && present[c]).ToArray();
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
            for (var c = 0; c < names.Count; c++)
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

        // Every feature is replaced, not only those missing in training: a value missing only when scoring must not
        // reach the learner as NaN. A column missing on every row has no mean: it becomes 0 (ML.NET's default), a constant.
        var filled = valueColumns.Select(c => new InputOutputColumnPair(c + FilledSuffix, c)).ToArray();
        estimator = estimator.Append(ml.Transforms.ReplaceMissingValues(filled, MissingValueReplacingEstimator.ReplacementMode.Mean));
        var slots = Enumerable.Range(0, names.Count).Concat(indicated).ToArray();
        var indicatorColumns = indicated.Select(c => names[c] + MissingSuffix).ToArray();
        if (forLinearModel)
        {
            // z-scores for the values; the 0/1 missing slots stay 0/1, so a missing value reads as "the training mean,
            // plus the missing slot's own weight".
            estimator = estimator
                .Append(ml.Transforms.Concatenate(ValuesColumn, [.. filled.Select(p => p.OutputColumnName)]))
                .Append(ml.Transforms.NormalizeMeanVariance(ValuesColumn, fixZero: false))
                .Append(ml.Transforms.Concatenate(FeaturesColumn, [ValuesColumn, .. indicatorColumns]));
        }
        else
        {
            estimator = estimator.Append(ml.Transforms.Concatenate(FeaturesColumn, [.. filled.Select(p => p.OutputColumnName), .. indicatorColumns]));
        }

        return new FeaturePreparation(estimator, slots);
    }
}
