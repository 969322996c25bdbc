using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class ObservationDatesTests
{
    [Fact]
    public void ObservationDates_FortnightlyAfterWarmUp_AreMondaysWhileAnyLabelCanBeKnown()
    {
        // Usage starts on a Wednesday (day 2); warm-up 84 days -> day 86, the next Monday is day 91.
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null).Usage("a", "x", 2, 1).Build(At(300, hours: 12));

        var dates = ObservationSetBuilder.ObservationDates(CompanyTimeline.Build(history), new ModelingOptions { ObservationIntervalDays = 14 });

        // Last date D needs D + 30 (grace, the earliest a renewal label settles) <= data as of (day 300.5): day 259.
        Assert.Equal(Enumerable.Range(0, 13).Select(k => Date(91 + (14 * k))), dates);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));
    }

    [Fact]
    public void DefaultAsOf_MidWeekData_IsMondayOnOrBeforeTheDataDay()
    {
        Assert.Equal(Date(294), ChurnModelWorkflow.DefaultAsOf(new HistoryBuilder().Build(At(300, hours: 12))));
        Assert.Equal(Date(301), ChurnModelWorkflow.DefaultAsOf(new HistoryBuilder().Build(At(301))));
    }

    [Fact]
    public void ResolvePredictorSettings_NoKeyFeaturesConfigured_TakesThreeMostUsed()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null)
            .Usage("a", "api", 1, 5).Usage("a", "reports", 1, 50).Usage("a", "exports", 1, 20).Usage("a", "admin", 1, 20).Usage("a", "rare", 1, 1)
            .Build(At(100));

        var settings = ChurnModelWorkflow.ResolvePredictorSettings(CompanyTimeline.Build(history), new ModelingOptions());

        Assert.Equal(["reports", "admin", "exports"], settings.KeyFeatures); // ties by name
        Assert.Equal(["Starter", "Team", "Business", "Enterprise"], settings.PlanTiers);
    }
}
