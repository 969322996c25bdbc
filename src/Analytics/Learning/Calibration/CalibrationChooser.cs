using ChurnWatch.Analytics.Learning.Evaluation;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// Picks Platt or isotonic calibration for a model from its predictions on held-out rows.
/// </summary>
/// <remarks>
/// <para>
/// Why held-out rows: a model's probabilities on the rows it trained on are more extreme and better ranked than on
/// accounts it has never seen, so a calibration map fitted there corrects for the wrong error (it mostly learns to
/// trust the model). The predictions handed in must come from rows the model did not train on: the backtest's test
/// period, or out-of-fold predictions. The calibration's own fit and its assessment are kept apart the same way.
/// </para>
/// <para>
/// Rule: the held-out rows are split into two stratified halves (seeded). Each method is fitted on one half and scored
/// on the other, then the other way round, and the two halves' log losses are averaged over all rows (cross-fitting
/// uses every row for assessment, which halves the variance of a single split). Isotonic wins only with a strictly
/// lower log loss; ties and small data go to Platt, the two-parameter map that cannot over-fit. With fewer than
/// <see cref="MinimumPerClass"/> rows of either class there is nothing to compare and Platt is used. The winner is
/// refitted on all held-out rows.
/// </para>
/// </remarks>
internal static class CalibrationChooser
{
    /// <summary>Each class needs this many rows so both halves hold at least one of each.</summary>
    public const int MinimumPerClass = 2;

    public static CalibrationChoice Choose(ReadOnlySpan<double> rawProbabilities, ReadOnlySpan<double> labels, int seed)
    {
        var actual = BinaryLabels.ToBooleans(labels, rawProbabilities.Length, nameof(labels));
        var raw = rawProbabilities.ToArray();
        var uncalibrated = ClassificationMetrics.LogLoss(raw, actual);
        var positives = actual.Count(a => a);
        if (positives < MinimumPerClass || actual.Length - positives < MinimumPerClass)
        {
            return new CalibrationChoice(PlattCalibrator.Fit(raw, labels).ToRecord(), double.NaN, double.NaN, uncalibrated);
        }

        var folds = StratifiedKFold.Split(labels, 2, seed);
        var y = labels.ToArray();
        double plattSum = 0, isotonicSum = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var fit = Rows(folds, f => f != fold);
            var assess = Rows(folds, f => f == fold);
            var fitRaw = fit.Select(r => raw[r]).ToArray();
            var fitLabels = fit.Select(r => y[r]).ToArray();
            var assessActual = assess.Select(r => actual[r]).ToArray();
            plattSum += assess.Length * LogLoss(PlattCalibrator.Fit(fitRaw, fitLabels), assess, raw, assessActual);
            isotonicSum += assess.Length * LogLoss(IsotonicCalibrator.Fit(fitRaw, fitLabels), assess, raw, assessActual);
        }

        var platt = plattSum / raw.Length;
        var isotonic = isotonicSum / raw.Length;
        IProbabilityCalibrator winner = isotonic < platt
            ? IsotonicCalibrator.Fit(raw, labels)
            : PlattCalibrator.Fit(raw, labels);
        return new CalibrationChoice(winner.ToRecord(), platt, isotonic, uncalibrated);
    }

    private static int[] Rows(int[] folds, Func<int, bool> include) =>
        Enumerable.Range(0, folds.Length).Where(r => include(folds[r])).ToArray();

    private static double LogLoss(IProbabilityCalibrator calibrator, int[] rows, double[] raw, bool[] actual)
    {
        var calibrated = rows.Select(r => calibrator.Calibrate(raw[r])).ToArray();
        return ClassificationMetrics.LogLoss(calibrated, actual);
    }
}
