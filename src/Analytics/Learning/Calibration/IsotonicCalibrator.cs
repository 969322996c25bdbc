using ChurnWatch.Analytics.Modeling;
namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing map from raw probability to positive rate that best fits the labels in
/// squared error, found by pool-adjacent-violators (PAVA).
/// </summary>
/// <remarks>
/// <para>
/// Rows are sorted by raw probability; rows with exactly equal raw probabilities are first pooled into one point (their
/// mean label, weighted by their count), so the result does not depend on the input order of ties. PAVA then merges
/// adjacent blocks while a block's rate is not above the next one's (equal rates merge too), which leaves blocks with
/// strictly increasing rates. Each block becomes one knot: (mean raw probability of its rows, its positive rate).
/// Predictions interpolate linearly between knots and are constant beyond the first and the last, so the output is
/// non-decreasing and within [0, 1].
/// </para>
/// <para>
/// A block whose rows are all negative (or all positive) predicts exactly 0 (or 1); with few rows that happens at the
/// ends and isotonic over-fits, which is why <see cref="CalibrationChooser"/> compares it with Platt on held-out rows.
/// Like Platt, fit it on predictions of rows the model did not train on: the model's own training rows are ranked
/// better than new ones, and the step function would memorise that optimism.
/// </para>
/// </remarks>
internal sealed class IsotonicCalibrator : IProbabilityCalibrator
{
    private readonly double[] _centres;
    private readonly double[] _values;

    private IsotonicCalibrator(double[] centres, double[] values)
    {
        _centres = centres;
        _values = values;
    }

    /// <summary>Knot positions: mean raw probability per block, strictly increasing.</summary>
    public IReadOnlyList<double> Centres => _centres;

    /// <summary>Knot values: positive rate per block, strictly increasing, within [0, 1].</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Fits on raw probabilities (any finite score works; only its order and spacing matter) and 0/1 labels.</summary>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> rawProbabilities, ReadOnlySpan<double> labels)
    {
        var y = BinaryLabels.ToBooleans(labels, rawProbabilities.Length, nameof(labels));
        if (rawProbabilities.Length == 0)
        {
            throw new ArgumentException("No predictions to calibrate on.", nameof(rawProbabilities));
        }

        var raw = rawProbabilities.ToArray();
        if (raw.Any(r => !double.IsFinite(r)))
        {
            throw new ArgumentException("Raw probabilities must be finite.", nameof(rawProbabilities));
        }

        // LINQ's OrderBy is stable; ties are pooled below anyway, so their order cannot matter.
        var order = Enumerable.Range(0, raw.Length).OrderBy(i => raw[i]).ToArray();

        // A block: row count, positives (an integer, so rate comparisons below are exact) and the sum of raw values.
        var count = new List<long>();
        var positives = new List<long>();
        var rawSum = new List<double>();
        var k = 0;
        while (k < order.Length)
        {
            long tieCount = 0, tiePositives = 0;
            double tieSum = 0;
            var value = raw[order[k]];
            while (k < order.Length && raw[order[k]] == value)
            {
                tieCount++;
                tiePositives += y[order[k]] ? 1 : 0;
                tieSum += value;
                k++;
            }

            count.Add(tieCount);
            positives.Add(tiePositives);
            rawSum.Add(tieSum);

            // Merge back while the previous block's rate >= this block's: p1/n1 >= p2/n2 <=> p1 n2 >= p2 n1.
            while (count.Count >= 2)
            {
                var last = count.Count - 1;
                if (positives[last - 1] * count[last] < positives[last] * count[last - 1])
                {
                    break;
                }

                count[last - 1] += count[last];
                positives[last - 1] += positives[last];
                rawSum[last - 1] += rawSum[last];
                count.RemoveAt(last);
                positives.RemoveAt(last);
                rawSum.RemoveAt(last);
            }
        }

        var centres = new double[count.Count];
        var values = new double[count.Count];
        for (var b = 0; b < count.Count; b++)
        {
            centres[b] = rawSum[b] / count[b];
            values[b] = positives[b] / (double)count[b];

            // Blocks hold disjoint ranges of raw values, so their means increase; rounding of a mean can still land
            // on the previous one when two raw values are a few ulps apart, and knots must strictly increase.
            if (b > 0 && centres[b] <= centres[b - 1])
            {
                centres[b] = Math.BitIncrement(centres[b - 1]);
            }
        }

        return new IsotonicCalibrator(centres, values);
    }

    /// <summary>Rebuilds a fitted calibrator; throws when the knots are not a valid non-decreasing map into [0, 1].</summary>
    public static IsotonicCalibrator FromRecord(IsotonicCalibration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Centres is null || record.Values is null || record.Centres.Count == 0 || record.Centres.Count != record.Values.Count)
        {
            throw new ArgumentException("Isotonic calibration needs as many values as centres, at least one.", nameof(record));
        }

        var centres = record.Centres.ToArray();
        var values = record.Values.ToArray();
        for (var b = 0; b < centres.Length; b++)
        {
            if (!double.IsFinite(centres[b]) || !(values[b] >= 0 && values[b] <= 1))
            {
                throw new ArgumentException($"Isotonic knot {b} is ({centres[b]}, {values[b]}).", nameof(record));
            }

            if (b > 0 && (centres[b] <= centres[b - 1] || values[b] < values[b - 1]))
            {
                throw new ArgumentException($"Isotonic knots must increase; knot {b} does not.", nameof(record));
            }
        }

        return new IsotonicCalibrator(centres, values);
    }

    public double Calibrate(double rawProbability)
    {
        if (double.IsNaN(rawProbability))
        {
            return double.NaN;
        }

        var last = _centres.Length - 1;
        if (rawProbability <= _centres[0])
        {
            return _values[0];
        }

        if (rawProbability >= _centres[last])
        {
            return _values[last];
        }

        // The knot at or below the raw value: BinarySearch gives its index, or the complement of the next one's.
        var index = Array.BinarySearch(_centres, rawProbability);
        if (index >= 0)
        {
            return _values[index];
        }

        var upper = ~index;
        var lower = upper - 1;
        var t = (rawProbability - _centres[lower]) / (_centres[upper] - _centres[lower]);
        return _values[lower] + (t * (_values[upper] - _values[lower]));
    }

    public ProbabilityCalibration ToRecord() => new IsotonicCalibration(_centres.ToArray(), _values.ToArray());
}
