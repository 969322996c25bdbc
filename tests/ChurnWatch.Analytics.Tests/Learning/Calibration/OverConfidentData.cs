using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Learning.Calibration;

/// <summary>
/// Seeded predictions whose true probability p is known and whose raw score is p pushed toward 0 and 1
/// (raw = sigmoid(push x logit(p))), the typical shape of a model that trusts itself too much.
/// </summary>
internal sealed class OverConfidentData
{
    public OverConfidentData(int rows, double push, int seed)
    {
        var random = new Random(seed);
        TrueProbabilities = new double[rows];
        Raw = new double[rows];
        Labels = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var p = 0.05 + (0.9 * random.NextDouble());
            TrueProbabilities[i] = p;
            Raw[i] = 1 / (1 + Math.Exp(-push * Math.Log(p / (1 - p))));
            Labels[i] = random.NextDouble() < p ? 1 : 0;
        }
    }

    public double[] TrueProbabilities { get; }

    public double[] Raw { get; }

    public double[] Labels { get; }

    public bool[] Actual => Labels.Select(l => l == 1).ToArray();

    /// <summary>
    /// Expected calibration error over ClassificationMetrics' ten bins: the row-weighted mean of |mean prediction -
    /// observed rate|.
    /// </summary>
    public static double ExpectedCalibrationError(double[] predicted, bool[] actual) =>
        ClassificationMetrics.Calibration(predicted, actual)
            .Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / predicted.Length;
}
