using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Time-split backtest: test on the latest labelled observation dates, train only on rows whose labels were settled
/// before the first test date, so no training label has seen the test period.
/// </summary>
internal static class Backtester
{
    /// <summary>The report with the test predictions, or null when the history is too short for both a training and a test period with outcomes.</summary>
    public static BacktestOutcome? Run(ObservationSet set, PredictorSettings settings, ModelTarget target, string learner, ModelingOptions options, DateTime dataAsOf)
    {
        var labels = set.Labels(target);
        var known = set.KnownDay(target);
        var labelled = Enumerable.Range(0, set.Count).Where(r => labels[r] >= 0).ToArray();
        if (labelled.Length == 0)
        {
            return null;
        }

        var lastDay = labelled.Max(r => set.Day[r]);
        var testFrom = labelled.Select(r => set.Day[r]).Where(d => d > lastDay - options.BacktestTestDays).Min();

        // The gap is not a fixed number of days: a row trains only when its label was settled (D + horizon + grace
        // for churn, renewal + grace for renewals) on or before the first test date.
        var train = labelled.Where(r => set.Day[r] < testFrom && known[r] <= testFrom).ToArray();
        var test = labelled.Where(r => set.Day[r] >= testFrom).ToArray();
        if (train.Length == 0 || test.Length == 0 || !HasBothClasses(labels, train))
        {
            return null;
        }

        var model = RiskModelTrainer.Fit(set, settings, train, target, learner, options, dataAsOf);
        var logits = RiskModelTrainer.PredictLogits(model, set, test);
        var predicted = logits.Select(LogisticRegression.Sigmoid).ToArray();
        var actual = test.Select(r => labels[r] == 1).ToArray();
        var report = new BacktestReport(
            model.Learner,
            TargetName(target),
            model.TrainFrom,
            model.TrainTo,
            DateOnly.FromDayNumber(testFrom),
            DateOnly.FromDayNumber(lastDay),
            train.Length,
            test.Length,
            actual.Count(a => a) / (double)actual.Length,
            ClassificationMetrics.Auc(predicted, actual),
            ClassificationMetrics.LogLoss(predicted, actual),
            ClassificationMetrics.Brier(predicted, actual),
            ClassificationMetrics.TopDecileLift(predicted, actual),
            ClassificationMetrics.Calibration(predicted, actual))
        {
            AveragePrecision = ClassificationMetrics.AveragePrecision(predicted, actual),
        };
        return new BacktestOutcome(report, model, test, logits, [.. actual.Select(a => a ? 1.0 : 0.0)]);
    }

    public static bool HasBothClasses(sbyte[] labels, int[] rows)
    {
        bool positive = false, negative = false;
        foreach (var r in rows)
        {
            positive |= labels[r] == 1;
            negative |= labels[r] == 0;
        }

        return positive && negative;
    }

    public static string TargetName(ModelTarget target) =>
        target == ModelTarget.Churn ? Labels.ChurnLabel.TargetName : Labels.RenewalLabel.TargetName;
}
