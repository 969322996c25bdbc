using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class ClassificationMetricsTests
{
    [Fact]
    public void Auc_RandomScoresWithTies_EqualsPairwiseCount()
    {
        var random = new Random(42);
        var n = 500;
        // One decimal makes many ties, which must count half.
        var scores = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 0.2 + (0.5 * s)).ToArray();

        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, ClassificationMetrics.Auc(scores, labels), 12);
    }

    [Fact]
    public void Auc_OneClass_IsNaN() =>
        Assert.True(double.IsNaN(ClassificationMetrics.Auc([0.1, 0.9], [true, true])));

    [Fact]
    public void Auc_PerfectAndReversed_AreOneAndZero()
    {
        Assert.Equal(1.0, ClassificationMetrics.Auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, ClassificationMetrics.Auc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void LogLossAndBrier_TinyData_MatchHandComputation()
    {
        double[] p = [0.8, 0.3, 0.6];
        bool[] y = [true, false, false];

        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.4)) / 3, ClassificationMetrics.LogLoss(p, y), 14);
        Assert.Equal(((0.2 * 0.2) + (0.3 * 0.3) + (0.6 * 0.6)) / 3, ClassificationMetrics.Brier(p, y), 14);
    }

    [Fact]
    public void LogLoss_CertainAndWrong_IsClippedNotInfinite() =>
        Assert.Equal(-Math.Log(1e-15), ClassificationMetrics.LogLoss([0.0], [true]), 6);

    [Fact]
    public void TopDecileLift_TwentyRows_IsTopRateOverBaseRate()
    {
        // 20 rows: the top 2 by score are 1 positive and 1 negative; 4 positives overall.
        var p = Enumerable.Range(0, 20).Select(i => i / 20.0).ToArray();
        var y = new bool[20];
        y[19] = true;
        y[3] = y[5] = y[7] = true;

        Assert.Equal(0.5 / 0.2, ClassificationMetrics.TopDecileLift(p, y), 12);
    }

    [Fact]
    public void Calibration_TenBins_CountsMeansAndRates()
    {
        double[] p = [0.05, 0.15, 0.15, 0.95, 1.0];
        bool[] y = [false, true, false, true, true];

        var bins = ClassificationMetrics.Calibration(p, y);

        Assert.Equal(10, bins.Count);
        Assert.Equal(new CalibrationBin(0.0, 0.1, 1, 0.05, 0.0), bins[0]);
        Assert.Equal(2, bins[1].Count);
        Assert.Equal(0.15, bins[1].MeanPredicted, 12);
        Assert.Equal(0.5, bins[1].ObservedRate, 12);
        Assert.Equal(new CalibrationBin(0.2, 0.3, 0, 0, 0), bins[2]);
        Assert.Equal(2, bins[9].Count); // 1.0 falls in the last bin
        Assert.Equal(0.975, bins[9].MeanPredicted, 12);
        Assert.Equal(p.Length, bins.Sum(b => b.Count));
    }
}
