using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>The suggested next step, from the top reason; nothing where the data says nothing.</summary>
public sealed class NextStepsTests
{
    private static readonly NextStepTexts Texts = new(
        new Dictionary<ReasonTopic, string>
        {
            [ReasonTopic.Support] = "Escalate",
            [ReasonTopic.Usage] = "Review usage",
            [ReasonTopic.Adoption] = "Offer training",
            [ReasonTopic.Billing] = string.Empty,
        },
        "Schedule a renewal review",
        90);

    private static ScoreReason Reason(ReasonTopic topic, double contribution = 0.4) => new("f", contribution, "sentence", topic);

    [Theory]
    [InlineData(ReasonTopic.Support, null, "Escalate")]
    [InlineData(ReasonTopic.Support, 10, "Escalate")]
    [InlineData(ReasonTopic.Adoption, null, "Offer training")]
    [InlineData(ReasonTopic.Adoption, 200, "Offer training")]
    [InlineData(ReasonTopic.Usage, 90, "Schedule a renewal review")]
    [InlineData(ReasonTopic.Adoption, 0, "Schedule a renewal review")]
    [InlineData(ReasonTopic.Usage, 91, "Review usage")]
    [InlineData(ReasonTopic.Usage, -3, "Review usage")]
    public void For_TopReason_TheStepOfItsTopicOrTheRenewalReview(ReasonTopic topic, int? daysToRenewal, string expected)
    {
        Assert.Equal(expected, NextSteps.For([Reason(topic), Reason(ReasonTopic.Support, 0.1)], daysToRenewal, Texts));
    }

    [Fact]
    public void For_NothingToActOn_SuggestsNothing()
    {
        Assert.Null(NextSteps.For([], 10, Texts));
        // Reasons that say why the account is safe ask for nothing.
        Assert.Null(NextSteps.For([Reason(ReasonTopic.Adoption, -0.4)], 10, Texts));
        // A topic the company gave no step (or an empty one) suggests none rather than a made-up one.
        Assert.Null(NextSteps.For([Reason(ReasonTopic.Billing)], null, Texts));
        Assert.Null(NextSteps.For([Reason(ReasonTopic.Revenue)], null, Texts));
    }
}
