using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Tests.Predictors;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Scoring;

public class ReasonWriterTests
{
    private static PredictorSettings Settings => ReasonExample.Settings;

    private static AccountPredictors Example(int day = 112) => ReasonExample.Predictors(day);

    [Fact]
    public void Sentence_EveryPredictorMissing_SaysSoInWordsWithoutAColumnName()
    {
        var names = ReasonExample.Predictors().Names;
        var missing = new AccountPredictors("a", Date(112), names, [.. names.Select(_ => double.NaN)]);

        // A missing value is said in words ("No ticket resolved in the last 180 days"), never as a column name.
        Assert.All(names, n => Assert.DoesNotContain("_", ReasonWriter.Sentence(n, missing, Settings), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PredictorNames.WauChange, "Weekly active users fell from 24 to 7 (last 4 weeks vs the 8 before)")]
    [InlineData(PredictorNames.Wau4w, "Weekly active users fell from 24 to 7 (last 4 weeks vs the 8 before)")]
    [InlineData(PredictorNames.UrgentOpenOver14d, "1 urgent ticket open longer than 14 days")]
    [InlineData(PredictorNames.UrgentOpen, "2 urgent tickets open")]
    // One fact, one sentence: both predictors of an overdue invoice say it the same way, so they are one reason.
    [InlineData(PredictorNames.MaxDaysOverdue, "2 invoices past due, the oldest 45 days")]
    [InlineData(PredictorNames.InvoicesPastDue, "2 invoices past due, the oldest 45 days")]
    [InlineData(PredictorNames.KeyFeaturesAdopted, "Only 2 of 3 key features adopted")]
    [InlineData(PredictorNames.DaysSinceLastActivity, "No activity for 1 day")]
    [InlineData(PredictorNames.SeatUtilisation, "7 of 10 seats active (70% utilisation, last 4 weeks)")]
    [InlineData(PredictorNames.MedianDaysToResolve180d, "Tickets took 7 days to resolve (median, last 180 days)")]
    [InlineData(PredictorNames.MaxTier90d, "A ticket escalated to L3 support in the last 90 days")]
    [InlineData(PredictorNames.FailedPayments90d, "1 failed payment in the last 90 days")]
    [InlineData(PredictorNames.PlanTier, "On the Team plan")]
    [InlineData(PredictorNames.AnnualContract, "Month-to-month, no contract")]
    [InlineData("usage_reports_28d", "15 events of feature reports in the last 28 days")]
    public void Sentence_RealValues_ArePlainWords(string predictor, string expected) =>
        Assert.Equal(expected, ReasonWriter.Sentence(predictor, Example(), Settings));

    [Fact]
    public void Sentence_LongInactivity_CountsDays()
    {
        // Last usage on day 112; three weeks later.
        var predictors = Example(day: 133);

        Assert.Equal("No activity for 21 days", ReasonWriter.Sentence(PredictorNames.DaysSinceLastActivity, predictors, Settings));
    }

    [Fact]
    public void Sentence_MissingEntity_SaysNoData()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null).Build(At(200));
        var predictors = new PredictorBuilder(CompanyTimeline.Build(history), Settings).Compute("a", Date(112))!;

        Assert.Equal("No CSAT rating in the last 180 days", ReasonWriter.Sentence(PredictorNames.CsatAvg180d, predictors, Settings));
        Assert.Equal("No weekly usage recorded yet", ReasonWriter.Sentence(PredictorNames.Wau4w, predictors, Settings));
        Assert.Equal("No key feature used yet", ReasonWriter.Sentence(PredictorNames.DaysToFirstKeyFeature, predictors, Settings));
    }
}
