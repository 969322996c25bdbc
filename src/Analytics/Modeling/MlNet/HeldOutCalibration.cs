using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Chooses between ML.NET's Platt and isotonic calibrators (the isotonic one linear between its blocks' centres,
/// <see cref="BlockCentres"/>) on a model's scores for rows it did not train on (the
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

    private static ITransformer Fit(MLContext ml, string method, double[] logits, bool[] actual, int[] rows) =>
        method == CalibrationChoice.Platt
            ? ml.BinaryClassification.Calibrators.Platt().Fit(Load(ml, logits, actual, rows))
            : FitIsotonic(ml, logits, actual, rows);

    private static IDataView Load(MLContext ml, double[] logits, bool[] actual, int[] rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = (float)logits[r], Label = actual[r] }));

    /// <summary>ML.NET's isotonic calibrator on the rows' scores, linear between its blocks' centres (<see cref="BlockCentres"/>).</summary>
    internal static ITransformer FitIsotonic(MLContext ml, double[] logits, bool[] actual, int[] rows)
    {
        var steps = ml.BinaryClassification.Calibrators.Isotonic().Fit(Load(ml, logits, actual, rows));
        return ml.BinaryClassification.Calibrators.Isotonic(exampleWeightColumnName: nameof(ScoredRow.Weight))
            .Fit(ml.Data.LoadFromEnumerable(BlockCentres(((IPredictionTransformer<IsotonicCalibrator>)steps).Model, logits, actual, rows)));
    }

    /// <summary>
    /// ML.NET's pool-adjacent-violators blocks as rows at each block's mean score, weighted by its positives and its
    /// negatives. ML.NET's isotonic map is flat across a block's whole score range and linear only in the gaps between
    /// blocks, so with a few hundred rows per block almost every score lands on a step; refitted on these rows, each
    /// block narrows to its centre and the map becomes linear from one block's centre to the next (flat beyond the
    /// first and last), the interpolation the hand-written isotonic calibrator used. The blocks and their rates are
    /// unchanged (PAV on already monotone blocks merges nothing), only where the map moves between them. On the sample
    /// company this cut the churn backtest's cross-fitted isotonic log loss from 0.1453 to 0.1409 (see MODELING.md).
    /// </summary>
    internal static IEnumerable<ScoredRow> BlockCentres(IsotonicCalibrator steps, double[] logits, bool[] actual, int[] rows)
    {
        var blocks = steps.Mins.Length;
        var sum = new double[blocks];
        var count = new long[blocks];
        var positives = new long[blocks];
        foreach (var r in rows)
        {
            // The blocks cover every fitted score: the first block whose top reaches the score holds it.
            var score = (float)logits[r];
            var block = 0;
            var high = blocks - 1;
            while (block < high)
            {
                var middle = (block + high) / 2;
                if (steps.Maxes[middle] < score)
                {
                    block = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            sum[block] += score;
            count[block]++;
            positives[block] += actual[r] ? 1 : 0;
        }

        for (var b = 0; b < blocks; b++)
        {
            // The mean of a block's float scores lies within its [min, max], so the centres keep the blocks' order.
            var centre = (float)(sum[b] / count[b]);
            if (positives[b] > 0)
            {
                yield return new ScoredRow { Score = centre, Label = true, Weight = positives[b] };
            }

            if (count[b] > positives[b])
            {
                yield return new ScoredRow { Score = centre, Label = false, Weight = count[b] - positives[b] };
            }
        }
    }

    private static double[] Apply(MLContext ml, ITransformer calibrator, double[] logits, int[] rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = (float)logits[r] }));
        return [.. calibrator.Transform(data).GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private static int[] Rows(int[] folds, Func<int, bool> include) =>
        [.. Enumerable.Range(0, folds.Length).Where(r => include(folds[r]))];

    internal sealed class ScoredRow
    {
        public float Score { get; set; }

        public bool Label { get; set; }

        /// <summary>How many rows this one stands for (1 for a scored row).</summary>
        public float Weight { get; set; } = 1;
    }
}
