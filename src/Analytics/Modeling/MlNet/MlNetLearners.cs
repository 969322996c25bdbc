using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// The ML.NET learners that compete for each target: LightGBM trees and L-BFGS logistic regression, each behind its
/// <see cref="PredictorPreparation"/>. Both are deterministic for a seed: LightGBM runs with its deterministic mode on
/// the configured threads, L-BFGS on one thread.
/// </summary>
public static class MlNetLearners
{
    /// <summary>The learner name of ML.NET's L-BFGS logistic regression (L2-penalised).</summary>
    public const string LogisticRegression = "lbfgs_logistic_regression";

    /// <summary>The learner name of ML.NET's LightGBM gradient-boosted trees.</summary>
    public const string LightGbm = "lightgbm";

    /// <summary>Every learner ChurnWatch can train, in the order they are tried (ties go to the earlier one).</summary>
    public static IReadOnlyList<string> All { get; } = [LogisticRegression, LightGbm];

    /// <summary>
    /// Share of the training rows (the latest observation dates) that trees hold out to choose how many trees to
    /// keep, before the final fit on all rows with that many trees.
    /// </summary>
    internal const double TreesValidationShare = 0.15;

    /// <summary>
    /// Fits <paramref name="learner"/> on the rows; <paramref name="days"/> orders them in time; <paramref name="weights"/>
    /// (null: every row counts once) are the rows' weights in a sampled training set.
    /// </summary>
    public static MlNetClassifier Fit(string learner, PredictorMatrix x, double[] labels, int[] days, IReadOnlySet<string> countLike, ModelingOptions options, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Fit(learner, new PredictorTable(x, labels, weights: weights), days, countLike, options);
    }

    /// <summary>
    /// The same on a table with labels (and, for a sampled set, weights): a training's rows streamed from its file.
    /// </summary>
    internal static MlNetClassifier Fit(string learner, PredictorTable rows, int[] days, IReadOnlySet<string> countLike, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (rows.Labels is null)
        {
            throw new ArgumentException("Training rows need labels.", nameof(rows));
        }

        var ml = MlNetContext.Create(options.Seed);
        return learner switch
        {
            LogisticRegression => FitLogistic(ml, rows, countLike, options),
            LightGbm => FitTrees(ml, rows, days, countLike, options),
            _ => throw new ArgumentException($"Unknown learner '{learner}'; known: {string.Join(", ", All)}.", nameof(learner)),
        };
    }

    private static MlNetClassifier FitLogistic(MLContext ml, PredictorTable rows, IReadOnlySet<string> countLike, ModelingOptions options)
    {
        var preparation = PredictorPreparation.For(ml, rows, countLike, forLinearModel: true);
        // The penalty is per row the sample stands for, so a sampled set is penalised as the whole set would be.
        var trainer = LogisticTrainer(ml, options.L2Strength, rows.Weights?.Sum() ?? rows.Rows, rows.Weights is not null);
        // L-BFGS passes over the rows many times: the cache keeps the prepared rows instead of re-running the transforms.
        var model = preparation.Estimator.AppendCacheCheckpoint(ml).Append(trainer).Fit(rows);
        return MlNetClassifier.Create(ml, LogisticRegression, rows.ColumnNames, preparation.SlotPredictors, model, rows, PredictorTable.InputSchema(rows.ColumnNames));
    }

    private static MlNetClassifier FitTrees(MLContext ml, PredictorTable rows, int[] days, IReadOnlySet<string> countLike, ModelingOptions options)
    {
        var settings = options.Trees;
        var trees = settings.Trees;
        var weighted = rows.Weights is not null;
        var labels = rows.Labels!;
        var (early, late) = SplitByTime(days, TreesValidationShare);
        if (settings.EarlyStoppingRounds > 0 && HasBothClasses(labels, early) && HasBothClasses(labels, late))
        {
            // Early stopping on later dates than the trees learn from mirrors how the model is used (on the future),
            // so the number of trees it keeps is the one that generalises forward in time. Then all rows, the newest
            // included, are learned with that many trees.
            var earlyRows = rows.Subset(early);
            var probePreparation = PredictorPreparation.For(ml, earlyRows, countLike, forLinearModel: false);
            var prepared = probePreparation.Estimator.Fit(earlyRows);
            var train = prepared.Transform(earlyRows);
            var validation = prepared.Transform(rows.Subset(late));
            var probe = Trainer(settings, trees, settings.EarlyStoppingRounds, options.Seed, weighted).Fit(train, validation);
            trees = Math.Max(1, probe.Model.SubModel.TrainedTreeEnsemble.Trees.Count);
        }

        var preparation = PredictorPreparation.For(ml, rows, countLike, forLinearModel: false);
        var model = preparation.Estimator.Append(Trainer(settings, trees, 0, options.Seed, weighted)).Fit(rows);
        return MlNetClassifier.Create(ml, LightGbm, rows.ColumnNames, preparation.SlotPredictors, model, rows, PredictorTable.InputSchema(rows.ColumnNames));
    }

    /// <summary>
    /// LightGBM with the configured tree settings. Sigmoid 1 makes its raw score the log-odds (ML.NET's default 0.5
    /// would halve them), so explanations are in logit units.
    /// </summary>
    internal static LightGbmBinaryTrainer Trainer(GradientBoostingOptions settings, int trees, int earlyStoppingRounds, int seed, bool weighted = false)
    {
        var ml = MlNetContext.Create(seed);
        return ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            FeatureColumnName = PredictorPreparation.FeaturesColumn,
            LabelColumnName = PredictorTable.LabelColumn,
            ExampleWeightColumnName = weighted ? PredictorTable.WeightColumn : null,
            NumberOfIterations = trees,
            LearningRate = settings.LearningRate,
            NumberOfLeaves = settings.MaxLeaves ?? (1 << Math.Min(settings.MaxDepth, 16)),
            MinimumExampleCountPerLeaf = 1,
            MaximumBinCountPerFeature = settings.MaxBins,
            EarlyStoppingRound = earlyStoppingRounds,
            Sigmoid = 1,
            Seed = seed,
            Deterministic = true,
            // One thread: LightGBM's OpenMP threads spin while they wait for each other, and on a machine busy with
            // other work a 2-thread fit measured 7x slower than a 1-thread one (48 s against 7 s for the backtests),
            // with the same trees; at load 2 on the 2-core machine two threads saved no time and cost 10% more CPU.
            NumberOfThreads = 1,
            Verbose = false,
            Silent = true,
            Booster = new GradientBooster.Options
            {
                MaximumTreeDepth = settings.MaxDepth,
                MinimumChildWeight = settings.MinChildWeight,
                L2Regularization = settings.L2,
                MinimumSplitGain = settings.MinSplitGain,
                SubsampleFraction = settings.RowSubsample,
                SubsampleFrequency = settings.RowSubsample < 1 ? 1 : 0,
                FeatureFraction = settings.ColumnSubsample,
            },
        });
    }

    /// <summary>
    /// ML.NET's L-BFGS logistic regression with an L2 penalty of <paramref name="l2PerRow"/> on the mean log loss.
    /// ML.NET penalises the summed log loss, ChurnWatch's settings the mean one: the same penalty is x rows. One
    /// thread, so the fit is deterministic.
    /// </summary>
    internal static LbfgsLogisticRegressionBinaryTrainer LogisticTrainer(MLContext ml, double l2PerRow, double rows, bool weighted = false) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = PredictorPreparation.FeaturesColumn,
            LabelColumnName = PredictorTable.LabelColumn,
            ExampleWeightColumnName = weighted ? PredictorTable.WeightColumn : null,
            L1Regularization = 0,
            L2Regularization = (float)(l2PerRow * rows),
            OptimizationTolerance = 1e-8f,
            NumberOfThreads = 1,
        });

    /// <summary>Rows before and from the first day at which the latest <paramref name="share"/> of rows begins.</summary>
    private static (int[] Early, int[] Late) SplitByTime(int[] days, double share)
    {
        var sorted = days.Order().ToArray();
        var cut = sorted[Math.Clamp((int)Math.Floor(sorted.Length * (1 - share)), 0, sorted.Length - 1)];
        var early = Enumerable.Range(0, days.Length).Where(r => days[r] < cut).ToArray();
        var late = Enumerable.Range(0, days.Length).Where(r => days[r] >= cut).ToArray();
        return (early, late);
    }

    private static bool HasBothClasses(double[] labels, int[] rows) =>
        rows.Any(r => labels[r] > 0.5) && rows.Any(r => labels[r] < 0.5);
}
