using ChurnWatch.Analytics.Modeling.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// The pipeline's ML.NET learners (<see cref="MlNetLearners"/>) on an account table: cross-validated with ML.NET's
/// <c>BinaryClassification.CrossValidate</c>, the best fitted on every row with ML.NET's permutation importance.
/// Seeded, so the same table and seed give the same figures and the same model bytes.
/// </summary>
public static class TableModelTrainer
{
    /// <summary>
    /// The linear model's L2 penalty on the mean log loss. bench/accuracy.sh measured 0.01 holding the sample company's
    /// coefficients back (cross-validated AUC 0.794 against 0.806 at 0.001); with z-scored columns and tens of
    /// thousands of rows the data, not the penalty, should set the weights.
    /// </summary>
    public const double L2Strength = 0.001;

    /// <summary>Seeded shuffles per slot in the permutation importance.</summary>
    public const int ImportanceRepeats = 3;

    /// <summary>
    /// LightGBM's settings for account tables, which are small and noisy next to the defaults (a few hundred churned
    /// accounts, the rows of one account nearly alike): bench/accuracy.sh measured deep trees over-fitting them (on the
    /// sample company depth 6 cross-validated to AUC 0.800, depth 3 to 0.816). So depth 3 (8 leaves), a fresh 80% of
    /// rows and of columns per tree, rate 0.05, and up to 1,000 trees with early stopping (20 rounds) choosing how many.
    /// </summary>
    public static GradientBoostingOptions TreeSettings() => new()
    {
        MaxDepth = 3,
        LearningRate = 0.05,
        RowSubsample = 0.8,
        ColumnSubsample = 0.8,
        Trees = 1000,
        EarlyStoppingRounds = 20,
    };

    /// <summary>
    /// Cross-validates every learner on the same folds with ML.NET's <c>CrossValidate</c>: folds it draws (by the
    /// <c>Group</c> column, its sampling key, when rows are grouped), or the given ones through a key-typed sampling
    /// column of as many values as folds (ML.NET's split keeps key value k + 1 in fold k). AUC, log loss and Brier
    /// are ChurnWatch's, on the pooled out-of-fold probabilities.
    /// </summary>
    public static TableEvaluation CrossValidate(AccountTable table, IReadOnlyList<TableColumn> columns, double[] labels, TableFolds folds, int seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(time);
        var data = TableData.Read(table, columns);
        var actual = labels.Select(l => l > 0.5).ToArray();
        var samplingKey = folds.Given is not null ? TableDataView.FoldColumn : folds.Groups is not null ? PredictorTable.GroupColumn : null;
        var reports = new List<CrossValidationReport>();
        var foldModels = new Dictionary<string, IReadOnlyList<(ITransformer, IDataView)>>(StringComparer.Ordinal);
        foreach (var learner in MlNetLearners.All)
        {
            var started = time.GetTimestamp();
            var ml = MlNetContext.Create(seed);
            var (estimator, _) = Estimator(ml, learner, data, labels.Length, seed);
            var results = ml.BinaryClassification.CrossValidate(data.View(labels, folds.Groups, folds.Given), estimator, folds.Count, PredictorTable.LabelColumn, samplingKey, seed);
            var predicted = OutOfFold(results.Select(r => r.ScoredHoldOutSet), data.Rows);
            reports.Add(new CrossValidationReport(learner, folds.Count, ClassificationMetrics.Auc(predicted, actual),
                ClassificationMetrics.LogLoss(predicted, actual), ClassificationMetrics.Brier(predicted, actual), time.GetElapsedTime(started).TotalSeconds));
            foldModels[learner] = [.. results.Select(r => (r.Model, r.ScoredHoldOutSet))];
        }

        return new TableEvaluation(data, labels, folds, reports, foldModels);
    }

    /// <summary>
    /// Fits the learner cross-validation chose on every row and measures its permutation importance with ML.NET's
    /// <c>PermutationFeatureImportance</c> on each fold's model and held-out rows (rows a model trained on would
    /// reward what it over-fitted), averaged over the folds; a text column's one-hot slots are added up.
    /// </summary>
    public static TableModel Train(TableEvaluation evaluation, string label, string positive, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var learner = evaluation.Best.Learner;
        var data = evaluation.Data;
        var ml = MlNetContext.Create(seed);
        var (estimator, slots) = Estimator(ml, learner, data, data.Rows, seed);
        var model = estimator.Fit(data.View(evaluation.Labels, evaluation.Folds.Groups));
        var classifier = MlNetClassifier.Create(ml, learner, data.Names, slots, model, data.View(), TableDataView.InputSchema(data.Columns));

        var folds = evaluation.FoldModels[learner];
        var drop = new double[data.Columns.Count];
        var variance = new double[data.Columns.Count];
        foreach (var (foldModel, heldOut) in folds)
        {
            var importance = MlNetClassifier.PermutationImportance(foldModel, heldOut, slots, data.Columns.Count, ImportanceRepeats, seed);
            for (var c = 0; c < drop.Length; c++)
            {
                drop[c] += importance[c].AucDrop / folds.Count;
                variance[c] += importance[c].Spread * importance[c].Spread / folds.Count;
            }
        }

        var ranked = data.Columns.Select((column, c) => new ColumnImportance(column.Name, drop[c], Math.Sqrt(variance[c])))
            .OrderByDescending(i => i.Importance).ThenBy(i => i.Column, StringComparer.Ordinal).ToList();
        return new TableModel(RiskModel.CurrentFormatVersion, label, positive, data.Columns, learner, classifier, evaluation.Reports, ranked);
    }

    /// <summary>The learner behind its preparation as one ML.NET estimator, and the column each prepared slot comes from.</summary>
    private static (IEstimator<ITransformer> Estimator, int[] Slots) Estimator(MLContext ml, string learner, TableData data, int rows, int seed)
    {
        var linear = learner == MlNetLearners.LogisticRegression;
        // Which columns get a missing slot, a log scale or which levels is decided on every row, before the folds: it
        // reads no label, and ChurnWatch's own encoding was fitted the same way.
        var preparation = PredictorPreparation.For(ml, data.Names, data.Levels, data.Missing, data.Present,
            linear ? data.Skewed() : new HashSet<string>(StringComparer.Ordinal), linear);
        IEstimator<ITransformer> estimator = learner switch
        {
            // L-BFGS passes over the rows many times: the cache keeps the prepared rows.
            MlNetLearners.LogisticRegression => preparation.Estimator.AppendCacheCheckpoint(ml).Append(MlNetLearners.LogisticTrainer(ml, L2Strength, rows)),
            MlNetLearners.LightGbm => new EarlyStoppedTrees(ml, preparation.Estimator, TreeSettings(), seed),
            _ => throw new ArgumentException($"Unknown learner '{learner}'.", nameof(learner)),
        };
        return (estimator, preparation.SlotPredictors);
    }

    /// <summary>The folds' held-out probabilities (the sigmoid of ML.NET's score) put back in table order.</summary>
    private static double[] OutOfFold(IEnumerable<IDataView> heldOut, int rows)
    {
        var predicted = new double[rows];
        var seen = new bool[rows];
        foreach (var scored in heldOut)
        {
            var (rowColumn, scoreColumn) = (scored.Schema[TableDataView.RowColumn], scored.Schema["Score"]);
            using var cursor = scored.GetRowCursor([rowColumn, scoreColumn]);
            var rowGetter = cursor.GetGetter<int>(rowColumn);
            var scoreGetter = cursor.GetGetter<float>(scoreColumn);
            var (row, score) = (0, 0f);
            while (cursor.MoveNext())
            {
                rowGetter(ref row);
                scoreGetter(ref score);
                predicted[row] = LogisticRegression.Sigmoid(score);
                seen[row] = true;
            }
        }

        return seen.All(s => s) ? predicted : throw new InvalidOperationException("Cross-validation left rows without an out-of-fold prediction.");
    }
}
