using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>What moved a score since a week earlier: the drivers whose data changed, in the direction of the move.</summary>
public sealed class ScoreChangesTests
{
    private static ScoreExplanation Explanation(double probability, params (string Predictor, double Contribution)[] contributions) =>
        new(probability, 0, 0, [.. contributions.Select(c => new PredictorContribution(c.Predictor, 0, c.Contribution))]) { CalibratedProbability = probability };

    [Fact]
    public void Changes_RiskRose_DriversWhoseDataMovedItUp()
    {
        // Between day 105 and 112 a ticket was opened (day 110): opened in 90 days 4 -> 5, open 2 -> 3.
        var now = ReasonExample.Predictors(112);
        var before = ReasonExample.Predictors(105);
        Assert.NotEqual(now[PredictorNames.TicketsOpened90d], before[PredictorNames.TicketsOpened90d]);
        Assert.NotEqual(now[PredictorNames.TicketsOpen], before[PredictorNames.TicketsOpen]);
        Assert.Equal(now[PredictorNames.KeyFeaturesAdopted], before[PredictorNames.KeyFeaturesAdopted]);

        var changes = ChurnModelWorkflow.Changes(
            Explanation(0.30, (PredictorNames.TicketsOpened90d, 0.5), (PredictorNames.TicketsOpen, 0.1), (PredictorNames.KeyFeaturesAdopted, 0.4), (PredictorNames.AnnualContract, 0.6)),
            now,
            Explanation(0.20, (PredictorNames.TicketsOpened90d, 0.2), (PredictorNames.TicketsOpen, 0.3), (PredictorNames.KeyFeaturesAdopted, 0.1), (PredictorNames.AnnualContract, 0.1)),
            before,
            ReasonExample.Settings,
            count: 3);

        // Tickets opened rose (+0.3); tickets open moved against the rise (-0.2); key features moved +0.3 with the same
        // data (its interplay with others, not its own data); the contract is context.
        var change = Assert.Single(changes);
        Assert.Equal(PredictorNames.TicketsOpened90d, change.Predictor);
        Assert.Equal(0.3, change.Contribution, 12);
        Assert.Equal($"{now[PredictorNames.TicketsOpened90d]} support tickets opened in the last 90 days (a week earlier: {before[PredictorNames.TicketsOpened90d]})", change.Sentence);
    }

    [Fact]
    public void Changes_RiskFell_DriversThatBroughtItDown()
    {
        var changes = ChurnModelWorkflow.Changes(
            Explanation(0.10, (PredictorNames.TicketsOpened90d, 0.5), (PredictorNames.TicketsOpen, -0.3)), ReasonExample.Predictors(112),
            Explanation(0.20, (PredictorNames.TicketsOpened90d, 0.2), (PredictorNames.TicketsOpen, 0.1)), ReasonExample.Predictors(105),
            ReasonExample.Settings, count: 3);

        var change = Assert.Single(changes);
        Assert.Equal(PredictorNames.TicketsOpen, change.Predictor);
        Assert.True(change.IsProtective);
    }

    [Theory]
    [InlineData("Usage events fell 1.9% (last 28 days vs the 56 before)", "Usage events rose 6.8% (last 28 days vs the 56 before)", "usage events rose 6.8%")]
    [InlineData("2 failed payments in the last 90 days", "1 failed payment in the last 90 days", "1 failed payment")]
    [InlineData("No activity for 3 days", "No activity for 1 day", "no activity for 1 day")]
    [InlineData("1 invoice 25 days past due", "1 invoice 18 days past due", "1 invoice 18 days")]
    [InlineData("Average CSAT 3 over the last 180 days", "Average CSAT 2.3 over the last 180 days", "average CSAT 2.3")]
    [InlineData("MRR fell 20% over the last 90 days", "MRR rose 5% over the last 90 days", "MRR rose 5%")]
    public void WeekEarlier_SharedEnding_IsSaidOnce(string now, string then, string expected) =>
        Assert.Equal(expected, ChurnModelWorkflow.WeekEarlier(now, then));

    [Fact]
    public void Changes_ProbabilityBarelyMoved_None()
    {
        var move = ChurnModelWorkflow.MinimumMove / 2;

        var changes = ChurnModelWorkflow.Changes(
            Explanation(0.20 + move, (PredictorNames.TicketsOpened90d, 0.5)), ReasonExample.Predictors(112),
            Explanation(0.20, (PredictorNames.TicketsOpened90d, 0.2)), ReasonExample.Predictors(105),
            ReasonExample.Settings, count: 3);

        Assert.Empty(changes);
    }
}
