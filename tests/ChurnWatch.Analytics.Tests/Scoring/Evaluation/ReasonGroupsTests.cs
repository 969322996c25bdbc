using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Scoring.Evaluation;

namespace ChurnWatch.Analytics.Tests.Scoring.Evaluation;

public sealed class ReasonGroupsTests
{
    [Theory]
    [InlineData(ReasonTopic.ActiveUsers, ReasonGroup.UsageDrop)]
    [InlineData(ReasonTopic.Usage, ReasonGroup.UsageDrop)]
    [InlineData(ReasonTopic.Adoption, ReasonGroup.UsageDrop)]
    [InlineData(ReasonTopic.Activity, ReasonGroup.UsageDrop)]
    [InlineData(ReasonTopic.Support, ReasonGroup.Support)]
    [InlineData(ReasonTopic.Billing, ReasonGroup.Billing)]
    [InlineData(ReasonTopic.Revenue, ReasonGroup.Billing)]
    [InlineData(ReasonTopic.Contract, ReasonGroup.Other)]
    public void Of_RaisingFirstReason_GroupOfItsTopic(ReasonTopic topic, ReasonGroup expected)
    {
        // The second reason, of another group, does not count: only the first shown one does.
        var score = Score(new ScoreReason("f", 0.7, "first", topic), new ScoreReason("g", 0.5, "second", ReasonTopic.Support));

        Assert.Equal(expected, ReasonGroups.Of(score));
    }

    [Fact]
    public void Of_ProtectiveFirstReasonOrNone_NoneRaising()
    {
        Assert.Equal(ReasonGroup.NoneRaising, ReasonGroups.Of(Score(new ScoreReason("wau_4w", -0.6, "24 weekly active users", ReasonTopic.ActiveUsers))));
        Assert.Equal(ReasonGroup.NoneRaising, ReasonGroups.Of(Score()));
    }

    private static AccountScore Score(params ScoreReason[] reasons) => new("A1", new DateOnly(2026, 1, 5), 0.2, null, RiskBand.Medium, reasons);
}
