using ChurnWatch.Analytics.Modeling.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// ML.NET's LightGBM with early stopping as one estimator, so ML.NET's cross-validation can fit it per fold: it holds
/// out a share of the rows it is given (whole groups when the rows carry a <c>Group</c> column, through
/// <c>TrainTestSplit</c>'s sampling key), lets LightGBM's early stopping on them choose how many trees to keep, then
/// learns every row it was given with that many trees. An account table has no time order to validate on, unlike the
/// pipeline's observation sets.
/// </summary>
internal sealed class EarlyStoppedTrees(MLContext ml, IEstimator<ITransformer> preparation, GradientBoostingOptions settings, int seed) : IEstimator<ITransformer>
{
    /// <summary>Share of the rows (or groups) held out for early stopping.</summary>
    public const double ValidationFraction = 0.1;

    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trees = settings.Trees;
        if (settings.EarlyStoppingRounds > 0)
        {
            // A held-out row whose account also trains is nearly a copy of a training row: the hold-out would keep
            // approving trees long after new accounts stopped gaining from them, so whole accounts are held out.
            var group = input.Schema.GetColumnOrNull(PredictorTable.GroupColumn) is null ? null : PredictorTable.GroupColumn;
            // A seed of its own: with the cross-validation's seed, the hold-out would be the hash range of a test fold, which
            // the training rows of that fold never reach, leaving it empty.
            var split = ml.Data.TrainTestSplit(input, ValidationFraction, group, seed ^ 0x6A09E667);
            if (HasBothClasses(split.TrainSet) && HasBothClasses(split.TestSet))
            {
                var prepared = preparation.Fit(split.TrainSet);
                var probe = MlNetLearners.Trainer(settings, trees, settings.EarlyStoppingRounds, seed)
                    .Fit(prepared.Transform(split.TrainSet), prepared.Transform(split.TestSet));
                trees = Math.Max(1, probe.Model.SubModel.TrainedTreeEnsemble.Trees.Count);
            }
        }

        return preparation.Append(MlNetLearners.Trainer(settings, trees, 0, seed)).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        preparation.Append(MlNetLearners.Trainer(settings, settings.Trees, 0, seed)).GetOutputSchema(inputSchema);

    private static bool HasBothClasses(IDataView rows)
    {
        var column = rows.Schema[PredictorTable.LabelColumn];
        using var cursor = rows.GetRowCursor([column]);
        var getter = cursor.GetGetter<bool>(column);
        var (positive, negative) = (false, false);
        var label = false;
        while ((!positive || !negative) && cursor.MoveNext())
        {
            getter(ref label);
            positive |= label;
            negative |= !label;
        }

        return positive && negative;
    }
}
