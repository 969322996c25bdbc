using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Linear;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// The learners that compete for each target: each is backtested on the same time split and the best one is fitted
/// on every labelled row (<see cref="ChurnModelWorkflow"/>). Both fit on rows of many observation dates, whose order in
/// time matters: trees stop early on the latest dates, never on a random sample of rows.
/// </summary>
internal static class CandidateLearners
{
    /// <summary>Every learner ChurnWatch can train, in the order they are tried (ties go to the earlier one).</summary>
    public static IReadOnlyList<string> All { get; } = [RiskModel.LogisticRegressionLearner, RiskModel.GradientBoostedTreesLearner];

    /// <summary>
    /// Share of the training rows (the latest observation dates) that trees hold out to choose how many trees to
    /// keep, before the final fit on all rows with that many trees.
    /// </summary>
    internal const double TreesValidationShare = 0.15;

    /// <summary>Fits <paramref name="learner"/> on the rows; <paramref name="days"/> orders them in time.</summary>
    public static IBinaryClassifier Fit(string learner, FeatureMatrix x, double[] labels, int[] days, IReadOnlySet<string> countLike, ModelingOptions options) =>
        learner switch
        {
            RiskModel.LogisticRegressionLearner => new LogisticLearner(options.L2Strength, countLike).Fit(x, labels, options.Seed),
            RiskModel.GradientBoostedTreesLearner => FitTrees(x, labels, days, options),
            _ => throw new ArgumentException($"Unknown learner '{learner}'; known: {string.Join(", ", All)}.", nameof(learner)),
        };

    private static TreesClassifier FitTrees(FeatureMatrix x, double[] labels, int[] days, ModelingOptions options)
    {
        var settings = TreeOptions(options);
        var (early, late) = SplitByTime(days, TreesValidationShare);
        if (HasBothClasses(labels, early) && HasBothClasses(labels, late))
        {
            // Early stopping on later dates than the trees learn from mirrors how the model is used (on the future),
            // so the number of trees it keeps is the one that generalises forward in time. Then all rows, the newest
            // included, are learned with that many trees.
            var probe = GradientBoostedTrees.Fit(x.SelectRows(early), Pick(labels, early), settings, x.SelectRows(late), Pick(labels, late));
            settings.Trees = Math.Max(1, probe.TreeCount);
        }

        settings.EarlyStoppingRounds = 0;
        return new TreesClassifier(GradientBoostedTrees.Fit(x, labels, settings));
    }

    /// <summary>The configured tree settings (a copy: fitting changes the number of trees), seeded by the modelling options.</summary>
    private static GradientBoostingOptions TreeOptions(ModelingOptions options)
    {
        var t = options.Trees;
        return new GradientBoostingOptions
        {
            Trees = t.Trees,
            LearningRate = t.LearningRate,
            MaxDepth = t.MaxDepth,
            MaxLeaves = t.MaxLeaves,
            MinChildWeight = t.MinChildWeight,
            L2 = t.L2,
            MinSplitGain = t.MinSplitGain,
            RowSubsample = t.RowSubsample,
            ColumnSubsample = t.ColumnSubsample,
            MaxBins = t.MaxBins,
            EarlyStoppingRounds = t.EarlyStoppingRounds,
            ValidationFraction = 0,
            Threads = t.Threads,
            Seed = options.Seed,
        };
    }

    /// <summary>Rows before and from the first day at which the latest <paramref name="share"/> of rows begins.</summary>
    private static (int[] Early, int[] Late) SplitByTime(int[] days, double share)
    {
        var sorted = days.Order().ToArray();
        var cut = sorted[Math.Clamp((int)Math.Floor(sorted.Length * (1 - share)), 0, sorted.Length - 1)];
        var early = Enumerable.Range(0, days.Length).Where(r => days[r] < cut).ToArray();
        var late = Enumerable.Range(0, days.Length).Where(r => days[r] >= cut).ToArray();
        return (early, late);
    }

    private static double[] Pick(double[] labels, int[] rows) => [.. rows.Select(r => labels[r])];

    private static bool HasBothClasses(double[] labels, int[] rows) =>
        rows.Any(r => labels[r] > 0.5) && rows.Any(r => labels[r] < 0.5);
}
