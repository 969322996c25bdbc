using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Learning.Evaluation;

/// <summary>
/// Stratified k-fold cross-validation of several learners on the same folds: every row is predicted once by a model
/// that never saw it, and the metrics are computed on those pooled predictions.
/// </summary>
public static class CrossValidation
{
    public static IReadOnlyList<LearnerEvaluation> Evaluate(
        FeatureMatrix x, double[] labels, IReadOnlyList<IBinaryLearner> learners, int folds, int seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(learners);
        ArgumentNullException.ThrowIfNull(time);
        var fold = StratifiedKFold.Split(labels, folds, seed);
        var actual = labels.Select(l => l > 0.5).ToArray();
        var results = new List<LearnerEvaluation>();
        foreach (var learner in learners)
        {
            var predicted = new double[x.Rows];
            var started = time.GetTimestamp();
            for (var k = 0; k < folds; k++)
            {
                var train = Enumerable.Range(0, x.Rows).Where(r => fold[r] != k).ToList();
                var test = Enumerable.Range(0, x.Rows).Where(r => fold[r] == k).ToList();
                var model = learner.Fit(x.SelectRows(train), [.. train.Select(r => labels[r])], seed + k);
                foreach (var r in test)
                {
                    predicted[r] = model.PredictProbability(x.Row(r));
                }
            }

            results.Add(new LearnerEvaluation(learner.Name, folds, ClassificationMetrics.Auc(predicted, actual),
                ClassificationMetrics.LogLoss(predicted, actual), ClassificationMetrics.Brier(predicted, actual), time.GetElapsedTime(started).TotalSeconds));
        }

        return results;
    }

    /// <summary>The best learner: highest AUC, then lowest log loss (probabilities feed forecasts, so calibration breaks ties).</summary>
    public static LearnerEvaluation Best(IReadOnlyList<LearnerEvaluation> evaluations) =>
        evaluations.OrderByDescending(e => Math.Round(e.Auc, 4)).ThenBy(e => e.LogLoss).ThenBy(e => e.Learner, StringComparer.Ordinal).First();
}
