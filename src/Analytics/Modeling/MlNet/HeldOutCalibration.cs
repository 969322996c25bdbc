using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Chooses between ML.NET's Platt and isotonic calibrators on a model's scores for rows it did not train on (the
/// backtest's test period): on its own training rows a model ranks and separates better than on new accounts, so a
/// map fitted there would learn too trusting a correction.
/// </summary>
/// <remarks>
/// The held-out rows are split into two stratified halves (seeded). Each method is fitted on one half and scored on
/// the other, both ways, and the log losses are averaged over all rows. Isotonic wins only with a strictly lower log
/// loss (ties go to Platt, the two-parameter map that cannot over-fit); when neither beats the raw probabilities the
/// choice is <c>none</c>. The winner is refitted on all held-out rows.
/// </remarks>
internal static class HeldOutCalibration
{
    /// <summary>Each class needs this many rows so both halves hold at least one of each.</summary>
    public const int MinimumPerClass = 2;

    /// <summary>The choice, or null with fewer than <see cref="MinimumPerClass"/> rows of a class.</summary>
    public static CalibrationChoice? Choose(double[] logits, double[] labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.Select(l => l > 0.5).ToArray();
        var positives = actual.Count(a => a);
        if (positives < MinimumPerClass || actual.Length - positives < MinimumPerClass)
        {
            return null;
        }

        var ml = MlNetContext.Create(seed);
        var raw = logits.Select(Modeling.LogisticRegression.Sigmoid).ToArray();
        var uncalibrated = ClassificationMetrics.LogLoss(raw, actual);
        var folds = StratifiedKFold.Split(labels, 2, seed);
        double plattSum = 0, isotonicSum = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var fit = Rows(folds, f => f != fold);
            var assess = Rows(folds, f => f == fold);
            var assessActual = assess.Select(r => actual[r]).ToArray();
            plattSum += assess.Length * ClassificationMetrics.LogLoss(Apply(ml, Fit(ml, CalibrationChoice.Platt, logits, actual, fit), logits, assess), assessActual);
            isotonicSum += assess.Length * ClassificationMetrics.LogLoss(Apply(ml, Fit(ml, CalibrationChoice.Isotonic, logits, actual, fit), logits, assess), assessActual);
        }

        var platt = plattSum / logits.Length;
        var isotonic = isotonicSum / logits.Length;
        var all = Enumerable.Range(0, logits.Length).ToArray();
        if (Math.Min(platt, isotonic) >= uncalibrated)
        {
            // Already as well calibrated as a map can make it on unseen rows: leave the probabilities alone.
            return new CalibrationChoice(CalibrationChoice.None, null, platt, isotonic, uncalibrated);
        }

        var method = isotonic < platt ? CalibrationChoice.Isotonic : CalibrationChoice.Platt;
        return new CalibrationChoice(method, Fit(ml, method, logits, actual, all), platt, isotonic, uncalibrated);
    }

    private static ITransformer Fit(MLContext ml, string method, double[] logits, bool[] actual, int[] rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = (float)logits[r], Label = actual[r] }));
        return method == CalibrationChoice.Platt
            ? ml.BinaryClassification.Calibrators.Platt().Fit(data)
            : ml.BinaryClassification.Calibrators.Isotonic().Fit(data);
    }

    private static double[] Apply(MLContext ml, ITransformer calibrator, double[] logits, int[] rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = (float)logits[r] }));
        return [.. calibrator.Transform(data).GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static int[] Rows(int[] folds, Func<int, bool> include) =>
        [.. Enumerable.Range(0, folds.Length).Where(r => include(folds[r]))];

    private sealed class ScoredRow
    {
        public float Score { get; set; }

        public bool Label { get; set; }
    }
}
