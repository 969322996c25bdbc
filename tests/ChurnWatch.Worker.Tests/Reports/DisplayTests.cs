using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(0.18, "+18 pts")]
    [InlineData(-0.04, "\u22124 pts")]
    [InlineData(0.004, "0 pts")]
    [InlineData(-0.004, "0 pts")]
    public void Points_Change_HasSignAndUnit(double change, string expected)
    {
        Assert.Equal(expected, Display.Points(change));
    }

    [Theory]
    [InlineData(72.5, "3 days")]
    [InlineData(36, "36 hours")]
    [InlineData(1.5, "90 minutes")]
    public void Duration_Hours_UsesLargestSensibleUnit(double hours, string expected)
    {
        Assert.Equal(expected, Display.Duration(TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void Money_Amount_HasThousandsSeparatorsAndNoDecimals()
    {
        Assert.Equal("1,234,568", Display.Money(1_234_567.5m));
    }

    [Fact]
    public void ToInlineSvg_Chart_DropsTheNamespaceAddresses()
    {
        var chart = ChurnWatch.Worker.Reports.Charts.Sparkline.Draw([1, 2, 3], "usage");

        var inline = chart.ToInlineSvg();

        Assert.StartsWith("<svg ", inline, StringComparison.Ordinal);
        Assert.Contains("xmlns", chart.ToSvg(), StringComparison.Ordinal);
        Assert.DoesNotContain("xmlns", inline, StringComparison.Ordinal);
        Assert.DoesNotContain("http", inline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.625, "63%")]
    [InlineData(0.615, "62%")]
    [InlineData(0.0, "0%")]
    [InlineData(-0.001, "0%")]
    public void Percent_Probability_RoundsHalfAwayFromZero(double value, string expected)
    {
        Assert.Equal(expected, Display.Percent(value));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1595, "1,595")]
    [InlineData(1234567, "1,234,567")]
    public void Count_Number_HasThousandsSeparators(int value, string expected)
    {
        Assert.Equal(expected, Display.Count(value));
    }
}
