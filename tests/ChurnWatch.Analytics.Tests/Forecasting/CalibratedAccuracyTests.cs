using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class CalibratedAccuracyTests
{
    private static CalibratedForecast Alone(decimal amount) => new(ForecastMethod.TrailingRate, amount, null, null, null, RangeBasis.None, 2);

    private static CalibratedForecast Combined(decimal amount) => new(ForecastMethod.Combined, amount, amount * 0.9m, amount, amount * 1.1m, RangeBasis.PastErrors, 6);

    [Fact]
    public void Of_CombinedMonths_AreMeasuredApartWithTheTrailingRateBesideThem()
    {
        // Two early months with the trailing rate alone ("everything renews": 20% too high), then two combined months
        // 5% low and 5% high, where the trailing rate was 10% high.
        var accuracy = CalibratedAccuracy.Of(
        [
            (Alone(120m), 120m, 100m),
            (Alone(240m), 240m, 200m),
            (Combined(95m), 110m, 100m),
            (Combined(210m), 220m, 200m),
        ]);

        Assert.Equal(2, accuracy.CombinedMonths);
        Assert.Equal(2, accuracy.MonthsWithRange);
        Assert.Equal(1.0, accuracy.Coverage);
        Assert.Equal((665.0 - 600) / 600, accuracy.Accuracy.Bias!.Value, 12);
        Assert.Equal((0.2 + 0.2 + 0.05 + 0.05) / 4, accuracy.Accuracy.MeanAbsolutePercentError!.Value, 12);
        Assert.Equal(0.05, accuracy.WhenCombined!.MeanAbsolutePercentError!.Value, 12);
        Assert.Equal((305.0 - 300) / 300, accuracy.WhenCombined.Bias!.Value, 12);
        Assert.Equal(0.10, accuracy.TrailingRateWhenCombined!.MeanAbsolutePercentError!.Value, 12);
        Assert.Equal(0.10, accuracy.TrailingRateWhenCombined.Bias!.Value, 12);
    }

    [Fact]
    public void Of_NoCombinedMonth_HasNoFiguresForThem()
    {
        var accuracy = CalibratedAccuracy.Of([(Alone(120m), 120m, 100m)]);

        Assert.Equal(0, accuracy.CombinedMonths);
        Assert.Null(accuracy.Coverage);
        Assert.Null(accuracy.WhenCombined);
        Assert.Null(accuracy.TrailingRateWhenCombined);
    }
}
