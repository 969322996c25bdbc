using ChurnWatch.Analytics.Modeling.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Tests.Modeling.MlNet;

public sealed class HeldOutCalibrationTests
{
    // PAV blocks of these rows: {-3} rate 0 (centre -3); {-2, -1, 0} rate 1/3 (centre -1); {1, 2} rate 1 (centre 1.5).
    private static readonly double[] Logits = [-3, -2, -1, 0, 1, 2];
    private static readonly bool[] Actual = [false, true, false, false, true, true];

    [Theory]
    [InlineData(-2.0, 1.0 / 6)]          // halfway from the centre -3 (0) to -1 (1/3); ML.NET's steps alone give 1/3
    [InlineData(-0.5, 7.0 / 15)]         // a fifth of the way from -1 (1/3) to 1.5 (1); the steps give 1/3
    [InlineData(0.5, 11.0 / 15)]         // three fifths of the way; the steps interpolate from their edges 0 and 1: 2/3
    [InlineData(-1.0, 1.0 / 3)]          // on a centre: the block's rate
    public void FitIsotonic_BetweenBlockCentres_InterpolatesLinearly(double score, double expected)
    {
        var ml = MlNetContext.Create(1);
        var calibrator = HeldOutCalibration.FitIsotonic(ml, Logits, Actual, [.. Enumerable.Range(0, Logits.Length)]);

        Assert.Equal(expected, Probability(ml, calibrator, score), 6);
    }

    [Fact]
    public void FitIsotonic_BeyondTheEndCentres_IsFlat()
    {
        var ml = MlNetContext.Create(1);
        var calibrator = HeldOutCalibration.FitIsotonic(ml, Logits, Actual, [.. Enumerable.Range(0, Logits.Length)]);

        // ML.NET keeps a probability within [1e-15, 1 - 1e-15]; 1 - 1e-15 is 1 in float.
        Assert.Equal(1e-15, Probability(ml, calibrator, -10), 1e-22);
        Assert.Equal(1.0, Probability(ml, calibrator, 10), 6);
    }

    // In probability the centres are the blocks' mean sigmoid: 0.0474 (rate 0), 0.2960 (1/3), 0.8059 (1); a score of
    // 0 is sigmoid 0.5, two fifths of the way from the second centre to the third: 1/3 + 0.4 x 2/3 = 0.6.
    [Theory]
    [InlineData(-2.0, 0.0962331)]
    [InlineData(0.0, 0.6)]
    [InlineData(0.5, 0.7601153)]
    [InlineData(1.2, 0.9510956)]
    public void FitIsotonic_LinearInProbability_FollowsTheLineBetweenProbabilityCentres(double score, double expected)
    {
        var ml = MlNetContext.Create(1);
        var calibrator = HeldOutCalibration.FitIsotonic(ml, Logits, Actual, [.. Enumerable.Range(0, Logits.Length)], linearInProbability: true);

        // Pinned at 15 points per gap and linear in logit between them: within 1e-3 of the line.
        Assert.Equal(expected, Probability(ml, calibrator, score), 0.001);
    }

    [Fact]
    public void Choose_ScoresTooSpreadOutForASigmoid_PicksIsotonicBelowPlatt()
    {
        // The true probability is 5% below a logit of 0 and 40% from it: a step no sigmoid of the score follows.
        var random = new Random(7);
        var logits = new double[4000];
        var labels = new double[logits.Length];
        for (var r = 0; r < logits.Length; r++)
        {
            logits[r] = (random.NextDouble() * 8) - 4;
            labels[r] = random.NextDouble() < (logits[r] < 0 ? 0.05 : 0.4) ? 1 : 0;
        }

        var choice = HeldOutCalibration.Choose(logits, labels, 11)!;

        Assert.StartsWith(CalibrationChoice.Isotonic, choice.Method, StringComparison.Ordinal);
        Assert.Equal(Math.Min(choice.IsotonicLogLoss, choice.IsotonicProbabilityLogLoss), choice.ChosenLogLoss);
        Assert.True(choice.ChosenLogLoss < choice.PlattLogLoss);
        Assert.True(choice.ChosenLogLoss < choice.UncalibratedLogLoss);
    }

    private static double Probability(MLContext ml, ITransformer calibrator, double score)
    {
        var data = ml.Data.LoadFromEnumerable([new HeldOutCalibration.ScoredRow { Score = (float)score }]);
        return calibrator.Transform(data).GetColumn<float>("Probability").Single();
    }
}
