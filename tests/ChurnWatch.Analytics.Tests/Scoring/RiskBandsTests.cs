using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

public class RiskBandsTests
{
    [Theory]
    [InlineData(0.0, RiskBand.Low)]
    [InlineData(0.1499, RiskBand.Low)]
    [InlineData(0.15, RiskBand.Medium)]
    [InlineData(0.3499, RiskBand.Medium)]
    [InlineData(0.35, RiskBand.High)]
    [InlineData(1.0, RiskBand.High)]
    public void For_DefaultThresholds_BandsFromLowerBounds(double probability, RiskBand expected) =>
        Assert.Equal(expected, RiskBands.For(probability, 0.15, 0.35));
}
