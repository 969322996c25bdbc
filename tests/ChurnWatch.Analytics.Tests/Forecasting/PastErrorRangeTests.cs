using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Analytics.Tests.Forecasting;

/// <summary>A range widened, and a bias corrected, by the errors of earlier months.</summary>
public sealed class PastErrorRangeTests
{
    [Fact]
    public void Correct_FewerEarlierMonthsThanTheMinimum_Nothing()
    {
        var earlier = Enumerable.Repeat((100m, 90m), PastErrorRange.MinimumMonths - 1).ToList();

        Assert.Null(PastErrorRange.Correct(1000m, 900m, 950m, 1000m, earlier, 1000m));
    }

    [Fact]
    public void Correct_EarlierMonthsTooOptimistic_ScalesDownAndSpreadsByTheirRatios()
    {
        // Actual / expected: 0.8, 0.9, 0.95, 1.0, 0.85; together 4.5 / 5 = 0.9.
        (decimal, decimal)[] earlier = [(100m, 80m), (100m, 90m), (100m, 95m), (100m, 100m), (100m, 85m)];

        var corrected = PastErrorRange.Correct(1000m, 980m, 1000m, 1000m, earlier, 1200m)!;

        var bias = 450m / 500m;
        Assert.Equal(1000m * bias, corrected.Expected);
        Assert.Equal((double)bias, corrected.Correction, 12);
        Assert.Equal(5, corrected.Months);
        // Five ratios: k = 1, the smallest and largest around the correction.
        Assert.Equal(decimal.Round(1000m * bias * (0.8m / bias), 2), corrected.P10);
        Assert.Equal(decimal.Round(1000m * bias * (1.0m / bias), 2), corrected.P90);
        Assert.Equal(1000m * bias, corrected.P50);
    }

    [Fact]
    public void Correct_SimulatedRangeWider_IsKept()
    {
        (decimal, decimal)[] earlier = [(100m, 100m), (100m, 100m), (100m, 100m), (100m, 100m)];

        var corrected = PastErrorRange.Correct(1000m, 700m, 1000m, 1100m, earlier, 1100m)!;

        Assert.Equal((700m, 1100m), (corrected.P10, corrected.P90));
    }

    [Fact]
    public void Correct_RangeAboveTheCap_IsCut()
    {
        (decimal, decimal)[] earlier = [(100m, 70m), (100m, 130m), (100m, 100m), (100m, 100m)];

        var corrected = PastErrorRange.Correct(1000m, 1000m, 1000m, 1000m, earlier, 1050m)!;

        Assert.Equal(1050m, corrected.P90);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(19)]
    [InlineData(40)]
    public void OrderStatistic_LargestKThatStillCoversEightyPercent(int n)
    {
        var k = PastErrorRange.OrderStatistic(n);

        double Cover(int j) => (n + 1.0 - (2 * j)) / (n + 1);
        if (Cover(1) >= PastErrorRange.Coverage)
        {
            Assert.True(Cover(k) >= PastErrorRange.Coverage - 1e-12);
            Assert.True(Cover(k + 1) < PastErrorRange.Coverage);
        }
        else
        {
            Assert.Equal(1, k);
        }
    }
}
