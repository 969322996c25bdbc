using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Chooses between ML.NET's Platt and isotonic calibrators (isotonic linear between its blocks' centres in logit,
/// <see cref="BlockCentres"/>, or in probability, <see cref="ProbabilityKnots"/>) on a model's scores for rows it did
/// not train on (the backtest's test period): on its own training rows a model ranks and separates better than on new accounts, so a
/// map fitted there would learn too trusting a correction.
/// </summary>
/// <remarks>
/// The held-out rows are split into two stratified halves (seeded). Each method (Platt, isotonic linear in logit,
/// isotonic linear in probability) is fitted on one half and scored on the other, both ways, and the log losses are
/// averaged over all rows. A later method wins only with a strictly lower log loss (ties go to Platt, the
/// two-parameter map that cannot over-fit); when none beats the raw probabilities the choice is <c>none</c>. The
/// winner is refitted on all held-out rows.
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
        // In order of preference on ties: the two-parameter map first, then isotonic in the score's own units.
        string[] methods = [CalibrationChoice.Platt, CalibrationChoice.Isotonic, CalibrationChoice.IsotonicProbability];
        var sums = new double[methods.Length];
        for (var fold = 0; fold < 2; fold++)
        {
            var fit = Rows(folds, f => f != fold);
            var assess = Rows(folds, f => f == fold);
            var assessActual = assess.Select(r => actual[r]).ToArray();
            for (var m = 0; m < methods.Length; m++)
            {
                sums[m] += assess.Length * ClassificationMetrics.LogLoss(Apply(ml, Fit(ml, methods[m], logits, actual, fit), logits, assess), assessActual);
            }
        }

        var losses = sums.Select(s => s / logits.Length).ToArray();
        var best = 0;
        for (var m = 1; m < methods.Length; m++)
        {
            // Strictly lower only: a tie keeps the simpler map.
            if (losses[m] < losses[best])
            {
                best = m;
            }
        }

        if (losses[best] >= uncalibrated)
        {
            // Already as well calibrated as a map can make it on unseen rows: leave the probabilities alone.
            return new CalibrationChoice(CalibrationChoice.None, null, losses[0], losses[1], losses[2], uncalibrated);
        }

        var all = Enumerable.Range(0, logits.Length).ToArray();
        return new CalibrationChoice(methods[best], Fit(ml, methods[best], logits, actual, all), losses[0], losses[1], losses[2], uncalibrated);
    }

    private static ITransformer Fit(MLContext ml, string method, double[] logits, bool[] actual, int[] rows) => method switch
    {
        CalibrationChoice.Platt => ml.BinaryClassification.Calibrators.Platt().Fit(Load(ml, logits, actual, rows)),
        CalibrationChoice.Isotonic => FitIsotonic(ml, logits, actual, rows),
        _ => FitIsotonic(ml, logits, actual, rows, linearInProbability: true),
    };

    private static IDataView Load(MLContext ml, double[] logits, bool[] actual, int[] rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new ScoredRow { Score = (float)logits[r], Label = actual[r] }));

    /// <summary>
    /// ML.NET's isotonic calibrator on the rows' scores, linear between its blocks' centres (<see cref="BlockCentres"/>);
    /// with <paramref name="linearInProbability"/>, linear in probability between centres placed at the blocks' mean
    /// probability, as the hand-written isotonic calibrator was (<see cref="ProbabilityKnots"/>).
    /// </summary>
    internal static ITransformer FitIsotonic(MLContext ml, double[] logits, bool[] actual, int[] rows, bool linearInProbability = false)
    {
        var steps = ((IPredictionTransformer<IsotonicCalibrator>)ml.BinaryClassification.Calibrators.Isotonic().Fit(Load(ml, logits, actual, rows))).Model;
        var knots = linearInProbability ? ProbabilityKnots(steps, logits, actual, rows) : BlockCentres(steps, logits, actual, rows);
        return ml.BinaryClassification.Calibrators.Isotonic(exampleWeightColumnName: nameof(ScoredRow.Weight)).Fit(ml.Data.LoadFromEnumerable(knots));
    }

    /// <summary>Points between two neighbouring blocks' centres at which <see cref="ProbabilityKnots"/> pins the map.</summary>
    internal const int ProbabilityStepsPerGap = 16;

    /// <summary>
    /// The map that is linear in probability between the blocks' (mean probability, rate) points, handed to ML.NET's
    /// isotonic calibrator as rows: ML.NET's map is linear in the score (logit), so between two centres the
    /// probability-linear map is pinned at <see cref="ProbabilityStepsPerGap"/> - 1 more points, each a row per class
    /// weighted by its rate, and ML.NET interpolates in logit between them. Between pins the difference from the
    /// probability-linear map is a second-order term of the gap, far below the rates' own noise.
    /// </summary>
    internal static IEnumerable<ScoredRow> ProbabilityKnots(IsotonicCalibrator steps, double[] logits, bool[] actual, int[] rows)
    {
        var (count, positives, probabilitySum) = Blocks(steps, logits, actual, rows, Modeling.LogisticRegression.Sigmoid);
        var previous = double.NaN;
        var previousRate = double.NaN;
        for (var b = 0; b < count.Length; b++)
        {
            var centre = probabilitySum[b] / count[b];
            var rate = positives[b] / (double)count[b];
            for (var k = 1; b > 0 && k < ProbabilityStepsPerGap; k++)
            {
                var t = k / (double)ProbabilityStepsPerGap;
                var score = (float)Logit(previous + (t * (centre - previous)));
                var value = previousRate + (t * (rate - previousRate));
                foreach (var row in Knot(score, value, 1 - value))
                {
                    yield return row;
                }
            }

            foreach (var row in Knot((float)Logit(centre), positives[b], count[b]))
            {
                yield return row;
            }

            (previous, previousRate) = (centre, rate);
        }
    }

    /// <summary>The logit, with the probability kept within [1e-15, 1 - 1e-15] as the log loss keeps it: finite for ML.NET.</summary>
    private static double Logit(double probability)
    {
        var p = Math.Clamp(probability, 1e-15, 1 - 1e-15);
        return Math.Log(p / (1 - p));
    }

    /// <summary>
    /// ML.NET's pool-adjacent-violators blocks as rows at each block's mean score, weighted by its positives and its
    /// negatives. ML.NET's isotonic map is flat across a block's whole score range and linear only in the gaps between
    /// blocks, so with a few hundred rows per block almost every score lands on a step; refitted on these rows, each
    /// block narrows to its centre and the map becomes linear from one block's centre to the next (flat beyond the
    /// first and last), the interpolation the hand-written isotonic calibrator used. The blocks and their rates are
    /// unchanged (PAV on already monotone blocks merges nothing), only where the map moves between them. On the sample
    /// company to 2026-12-06 this cut the churn backtest's cross-fitted isotonic log loss from 0.1453 to 0.1409.
    /// </summary>
    internal static IEnumerable<ScoredRow> BlockCentres(IsotonicCalibrator steps, double[] logits, bool[] actual, int[] rows)
    {
        var (count, positives, sum) = Blocks(steps, logits, actual, rows, score => score);
        for (var b = 0; b < count.Length; b++)
        {
            // The mean of a block's float scores lies within its [min, max], so the centres keep the blocks' order.
            foreach (var row in Knot((float)(sum[b] / count[b]), positives[b], count[b]))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<ScoredRow> Knot(float score, long positives, long count) => Knot(score, (double)positives, count - positives);

    /// <summary>
    /// A point of the map at <paramref name="score"/> with rate positives / (positives + negatives): a positive row
    /// weighted by the positives one float step below the score, then a negative row weighted by the negatives at it.
    /// PAV pools the two into one piece whatever order it meets them in: at one score, a negative row met first would
    /// be pooled with the piece before (its rate 0 is not above that piece's), and that piece would move.
    /// </summary>
    private static IEnumerable<ScoredRow> Knot(float score, double positives, double negatives)
    {
        if (positives > 0)
        {
            yield return new ScoredRow { Score = negatives > 0 ? MathF.BitDecrement(score) : score, Label = true, Weight = (float)positives };
        }

        if (negatives > 0)
        {
            yield return new ScoredRow { Score = score, Label = false, Weight = (float)negatives };
        }
    }

    /// <summary>Per ML.NET block: its rows, its positives, and the sum of <paramref name="measure"/> of its scores.</summary>
    private static (long[] Count, long[] Positives, double[] Sum) Blocks(IsotonicCalibrator steps, double[] logits, bool[] actual, int[] rows, Func<double, double> measure)
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

            sum[block] += measure(score);
            count[block]++;
            positives[block] += actual[r] ? 1 : 0;
        }

        return (count, positives, sum);
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
