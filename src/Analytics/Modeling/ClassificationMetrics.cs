namespace ChurnWatch.Analytics.Modeling;

/// <summary>Accuracy measures of predicted probabilities against binary outcomes.</summary>
public static class ClassificationMetrics
{
    private const double Epsilon = 1e-15;

    /// <summary>
    /// Area under the ROC curve: the chance a random positive scores above a random negative, ties counting half
    /// (midranks). NaN when either class is absent.
    /// </summary>
    public static double Auc(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        Check(predicted, actual);
        var n = predicted.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var scores = predicted.ToArray();
        Array.Sort(scores.ToArray(), order);
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            // Ranks start..end-1 (1-based: start+1..end) share their mean.
            var midrank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                if (actual[order[k]])
                {
                    positiveRankSum += midrank;
                    positives++;
                }
            }

            start = end;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>
    /// Average precision, the area under the precision-recall curve as scikit-learn's <c>average_precision_score</c>
    /// defines it: the sum over distinct score thresholds t, from high to low, of (recall(t) - recall(previous t)) x
    /// precision(t), where a row counts as predicted positive when its score is at least t. Tied scores therefore enter
    /// together, at one threshold (no interpolation, unlike the trapezoidal area). It equals the positive rate for a
    /// constant score and 1 for a ranking with every positive above every negative. NaN without positives.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        Check(predicted, actual);
        var n = predicted.Length;
        var positives = 0;
        foreach (var a in actual)
        {
            positives += a ? 1 : 0;
        }

        if (positives == 0)
        {
            return double.NaN;
        }

        var scores = predicted.ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        double sum = 0;
        long truePositives = 0;
        long previousTruePositives = 0;
        var start = 0;
        while (start < n)
        {
            // The row at start always enters, so a NaN score (equal to nothing) still moves on.
            var end = start;
            do
            {
                truePositives += actual[order[end]] ? 1 : 0;
                end++;
            }
            while (end < n && scores[order[end]] == scores[order[start]]);

            // Recall rises by (new true positives) / positives at this threshold; precision counts all end rows.
            sum += (truePositives - previousTruePositives) * (truePositives / (double)end);
            previousTruePositives = truePositives;
            start = end;
        }

        return sum / positives;
    }

    /// <summary>Mean negative log likelihood; probabilities are clipped to [1e-15, 1 - 1e-15].</summary>
    public static double LogLoss(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        Check(predicted, actual);
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var p = Math.Clamp(predicted[i], Epsilon, 1 - Epsilon);
            sum -= actual[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return predicted.Length == 0 ? double.NaN : sum / predicted.Length;
    }

    /// <summary>Mean squared difference between probability and outcome.</summary>
    public static double Brier(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        Check(predicted, actual);
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var d = predicted[i] - (actual[i] ? 1 : 0);
            sum += d * d;
        }

        return predicted.Length == 0 ? double.NaN : sum / predicted.Length;
    }

    /// <summary>
    /// Positive rate among the highest-scored tenth (ceiling of n/10 rows; equal scores keep input order) divided by
    /// the overall positive rate. NaN without positives.
    /// </summary>
    public static double TopDecileLift(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        Check(predicted, actual);
        var n = predicted.Length;
        var positives = 0;
        foreach (var a in actual)
        {
            positives += a ? 1 : 0;
        }

        if (n == 0 || positives == 0)
        {
            return double.NaN;
        }

        var scores = predicted.ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var top = (n + 9) / 10;
        var topPositives = 0;
        for (var k = 0; k < top; k++)
        {
            topPositives += actual[order[k]] ? 1 : 0;
        }

        return topPositives / (double)top / (positives / (double)n);
    }

    /// <summary>
    /// Ten equal-width probability bins [0, 0.1), ..., [0.9, 1.0]: count, mean prediction and observed rate.
    /// Empty bins are kept (count 0, means 0) so the table always has ten rows.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Calibration(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual, int bins = 10)
    {
        Check(predicted, actual);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var sumPredicted = new double[bins];
        var sumActual = new int[bins];
        for (var i = 0; i < predicted.Length; i++)
        {
            var b = Math.Clamp((int)(predicted[i] * bins), 0, bins - 1);
            count[b]++;
            sumPredicted[b] += predicted[i];
            sumActual[b] += actual[i] ? 1 : 0;
        }

        var result = new CalibrationBin[bins];
        for (var b = 0; b < bins; b++)
        {
            result[b] = new CalibrationBin(
                b / (double)bins,
                (b + 1) / (double)bins,
                count[b],
                count[b] > 0 ? sumPredicted[b] / count[b] : 0.0,
                count[b] > 0 ? sumActual[b] / (double)count[b] : 0.0);
        }

        return result;
    }

    private static void Check(ReadOnlySpan<double> predicted, ReadOnlySpan<bool> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions but {actual.Length} outcomes.", nameof(actual));
        }
    }
}
