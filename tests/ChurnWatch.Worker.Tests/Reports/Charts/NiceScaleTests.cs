using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Tests.Reports.Charts;

public sealed class NiceScaleTests
{
    [Fact]
    public void Create_ZeroTo97_TicksEveryTwentyToHundred()
    {
        var scale = NiceScale.Create(0, 97);

        Assert.Equal([0.0, 20, 40, 60, 80, 100], scale.Ticks);
        Assert.Equal(20, scale.Step);
        Assert.Equal(0, scale.Decimals);
    }

    [Fact]
    public void Create_Probabilities_TicksEveryTwoTenths()
    {
        var scale = NiceScale.Create(0, 1);

        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], scale.Ticks);
        Assert.Equal(1, scale.Decimals);
    }

    [Fact]
    public void Create_NegativeRange_IncludesZeroTick()
    {
        var scale = NiceScale.Create(-3.2, 7.9, 6);

        Assert.Equal([-4.0, -2, 0, 2, 4, 6, 8], scale.Ticks);
        Assert.Equal(2, scale.Step);
    }

    [Fact]
    public void Create_SmallCountsWithIntegerStep_NeverStepsBelowOne()
    {
        var scale = NiceScale.Create(0, 3, 5, integerStep: true);

        Assert.Equal([0.0, 1, 2, 3], scale.Ticks);
    }

    [Fact]
    public void Create_FlatSeries_StillHasARange()
    {
        Assert.Equal([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], NiceScale.Create(0, 0).Ticks);
        Assert.True(NiceScale.Create(50, 50).Max > 50);
    }

    [Theory]
    [InlineData(0, 97, 5)]
    [InlineData(0, 1, 5)]
    [InlineData(0.013, 0.0171, 4)]
    [InlineData(-1234.5, 98765.4, 6)]
    [InlineData(3, 3.0001, 5)]
    [InlineData(0, 1e9, 5)]
    [InlineData(-0.5, -0.1, 3)]
    [InlineData(17, 23, 1)]
    [InlineData(0, 468000, 5)]
    public void Create_AnyRange_CoversDataWithOneTwoFiveSteps(double min, double max, int maxIntervals)
    {
        var scale = NiceScale.Create(min, max, maxIntervals);

        Assert.True(scale.Min <= min, $"min {scale.Min} > {min}");
        Assert.True(scale.Max >= max, $"max {scale.Max} < {max}");
        Assert.True(scale.Ticks.Count - 1 <= maxIntervals, $"{scale.Ticks.Count - 1} intervals");
        var exponent = Math.Floor(Math.Log10(scale.Step));
        var mantissa = Math.Round(scale.Step / Math.Pow(10, exponent), 6);
        Assert.True(mantissa is 1.0 or 2.0 or 5.0, $"step {scale.Step}");
        for (var i = 1; i < scale.Ticks.Count; i++)
        {
            Assert.Equal(scale.Step, scale.Ticks[i] - scale.Ticks[i - 1], 9);
        }
    }

    [Theory]
    [InlineData(0.7, 8, "0%,10%,20%,30%,40%,50%,60%,70%")]
    [InlineData(1, 5, "0%,20%,40%,60%,80%,100%")]
    [InlineData(0.03, 6, "0.0%,0.5%,1.0%,1.5%,2.0%,2.5%,3.0%")]
    public void Tick_PercentScale_PrintsJustTheDecimalsTheStepNeeds(double max, int maxIntervals, string expected)
    {
        var scale = NiceScale.Create(0, max, maxIntervals);

        Assert.Equal(expected, string.Join(",", scale.Ticks.Select(t => AxisLabels.Tick(t, scale, ValueFormat.Percent))));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(950, "950")]
    [InlineData(1_250, "1.25k")]
    [InlineData(468_000, "468k")]
    [InlineData(1_250_000, "1.25M")]
    [InlineData(-20_000, "-20k")]
    public void Compact_Amounts_UseKAndM(double value, string expected)
    {
        Assert.Equal(expected, AxisLabels.Compact(value));
    }
}
