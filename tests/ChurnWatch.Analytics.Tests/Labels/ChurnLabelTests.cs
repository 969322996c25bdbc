using ChurnWatch.Analytics.Labels;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Labels;

public class ChurnLabelTests
{
    private static readonly DateTime[] ChurnAt200 = [At(200)];

    [Theory]
    [InlineData(112, true)]  // churn 88 days after D: inside [D, D + 90)
    [InlineData(110, false)] // churn exactly at D + 90: outside the half-open horizon
    [InlineData(111, true)]  // churn at D + 89
    [InlineData(200, true)]  // churn at D itself
    [InlineData(201, false)] // churn before D (the account would not be observable anyway)
    public void At_HorizonEdges_AreHalfOpen(int day, bool expected) =>
        Assert.Equal(expected, ChurnLabel.At(ChurnAt200, Date(day), horizonDays: 90, graceDays: 30, dataAsOf: At(1000)));

    [Fact]
    public void At_OutcomeNotKnowableYet_IsNull()
    {
        // D + 90 + 30 = day 232: labelled when the data reaches it, not a day earlier.
        Assert.Null(ChurnLabel.At([], Date(112), 90, 30, At(231)));
        Assert.False(ChurnLabel.At([], Date(112), 90, 30, At(232)));
    }
}
