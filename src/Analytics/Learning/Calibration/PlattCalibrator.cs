using ChurnWatch.Analytics.Modeling;
namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// Platt scaling: a one-feature logistic regression on the raw logit, calibrated = sigmoid(a x logit + b).
/// </summary>
/// <remarks>
/// <para>
/// Fitted by maximum likelihood against Platt's smoothed targets, (N+ + 1) / (N+ + 2) for positives and 1 / (N- + 2)
/// for negatives, which keep a and b finite when the scores separate the classes perfectly. The optimiser is Newton's
/// method with a backtracking (Armijo) line search, as in Lin, Lin and Weng, "A note on Platt's probabilistic outputs
/// for support vector machines" (2007); sums run in row order, so the same data gives the same bits.
/// </para>
/// <para>
/// Fit it on predictions of rows the model did not train on (a later time slice or out-of-fold predictions). On its
/// own training rows a model is over-confident in a way it is not on new accounts, so a map fitted there learns to
/// trust the scores too much and the forecast built on the probabilities is biased.
/// </para>
/// </remarks>
internal sealed class PlattCalibrator : IProbabilityCalibrator
{
    /// <summary>Raw probabilities are clipped to [1e-15, 1 - 1e-15] before the logit, as the log loss clips them.</summary>
    private const double ProbabilityEpsilon = 1e-15;
    private const int MaxIterations = 100;
    private const double GradientTolerance = 1e-12;
    private const double MinimumStep = 1e-10;
    private const double ArmijoFraction = 1e-4;

    /// <summary>Keeps the 2x2 Newton system solvable when every score is equal.</summary>
    private const double Ridge = 1e-12;

    private PlattCalibrator(double slope, double intercept)
    {
        Slope = slope;
        Intercept = intercept;
    }

    /// <summary>a: multiplies the raw logit.</summary>
    public double Slope { get; }

    /// <summary>b: added to the scaled logit.</summary>
    public double Intercept { get; }

    /// <summary>Fits on raw probabilities in [0, 1] (converted to logits) and 0/1 labels.</summary>
    public static PlattCalibrator Fit(ReadOnlySpan<double> rawProbabilities, ReadOnlySpan<double> labels)
    {
        var logits = new double[rawProbabilities.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            if (!(rawProbabilities[i] >= 0 && rawProbabilities[i] <= 1))
            {
                throw new ArgumentException($"Raw probability {i} is {rawProbabilities[i]}, outside [0, 1].", nameof(rawProbabilities));
            }

            logits[i] = Logit(rawProbabilities[i]);
        }

        return FitLogits(logits, labels);
    }

    /// <summary>Fits on raw logits (a learner's decision function) and 0/1 labels.</summary>
    public static PlattCalibrator FitLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> labels)
    {
        var y = BinaryLabels.ToBooleans(labels, logits.Length, nameof(labels));
        if (logits.Length == 0)
        {
            throw new ArgumentException("No predictions to calibrate on.", nameof(logits));
        }

        foreach (var f in logits)
        {
            if (!double.IsFinite(f))
            {
                throw new ArgumentException("Logits must be finite.", nameof(logits));
            }
        }

        var positives = y.Count(v => v);
        var negatives = y.Length - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        var targets = y.Select(v => v ? high : low).ToArray();

        // Start at slope 0 and the smoothed base rate, Platt's starting point.
        var a = 0.0;
        var b = Math.Log((positives + 1.0) / (negatives + 1.0));
        var loss = Loss(logits, targets, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                var p = Sigmoid((a * logits[i]) + b);
                var residual = p - targets[i];
                var weight = p * (1 - p);
                ga += residual * logits[i];
                gb += residual;
                haa += weight * logits[i] * logits[i];
                hab += weight * logits[i];
                hbb += weight;
            }

            var n = logits.Length;
            ga /= n;
            gb /= n;
            haa = (haa / n) + Ridge;
            hab /= n;
            hbb = (hbb / n) + Ridge;
            if (Math.Abs(ga) < GradientTolerance && Math.Abs(gb) < GradientTolerance)
            {
                break;
            }

            var determinant = (haa * hbb) - (hab * hab);
            var da = -((hbb * ga) - (hab * gb)) / determinant;
            var db = -((haa * gb) - (hab * ga)) / determinant;
            var slope = (ga * da) + (gb * db);
            var step = 1.0;
            while (step >= MinimumStep)
            {
                var candidateA = a + (step * da);
                var candidateB = b + (step * db);
                var candidateLoss = Loss(logits, targets, candidateA, candidateB);
                if (candidateLoss <= loss + (ArmijoFraction * step * slope))
                {
                    a = candidateA;
                    b = candidateB;
                    loss = candidateLoss;
                    break;
                }

                step /= 2;
            }

            if (step < MinimumStep)
            {
                // No step decreases the loss: we are at the optimum to machine precision.
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }

    /// <summary>Rebuilds a fitted calibrator; throws when a parameter is not finite.</summary>
    public static PlattCalibrator FromRecord(PlattCalibration record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!double.IsFinite(record.Slope) || !double.IsFinite(record.Intercept))
        {
            throw new ArgumentException("Platt slope and intercept must be finite.", nameof(record));
        }

        return new PlattCalibrator(record.Slope, record.Intercept);
    }

    public double Calibrate(double rawProbability) => CalibrateLogit(Logit(rawProbability));

    /// <summary>The calibrated probability of a raw logit.</summary>
    public double CalibrateLogit(double logit) => Sigmoid((Slope * logit) + Intercept);

    public ProbabilityCalibration ToRecord() => new PlattCalibration(Slope, Intercept);

    internal static double Logit(double probability)
    {
        var p = Math.Clamp(probability, ProbabilityEpsilon, 1 - ProbabilityEpsilon);
        return Math.Log(p / (1 - p));
    }

    internal static double Sigmoid(double z) =>
        z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Mean cross-entropy against the smoothed targets: log(1 + e^z) - t z, computed without overflow.</summary>
    private static double Loss(ReadOnlySpan<double> logits, double[] targets, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = (a * logits[i]) + b;
            var softplus = z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));
            sum += softplus - (targets[i] * z);
        }

        return sum / logits.Length;
    }
}
