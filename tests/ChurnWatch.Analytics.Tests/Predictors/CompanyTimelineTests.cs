using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Predictors;

public class CompanyTimelineTests
{
    [Fact]
    public void Build_UsageRows_GroupedSortedAndDuplicatesSummed()
    {
        var history = new HistoryBuilder().Account("b").Account("a")
            .Usage("a", "reports", 10, 3)
            .Usage("a", "reports", 5, 1)
            .Usage("a", "reports", 10, 4) // same day twice: the source may split a day; events add up
            .Usage("a", "Reports!", 7, 100) // a different raw name with the same column
            .Usage("zz", "reports", 1, 50) // unknown account: ignored
            .Build(At(100));

        var timeline = CompanyTimeline.Build(history);

        Assert.Equal(["a", "b"], timeline.AccountIds);
        Assert.Equal(["Reports!", "reports"], timeline.UsageFeatures);
        Assert.Equal(["usage_reports_28d"], timeline.UsageColumns);
        var a = timeline.Timelines[0];
        Assert.Equal([5, 7, 10], a.ColumnDays[0].Select(d => d - Day0.DayNumber));
        Assert.Equal([0L, 1, 101, 108], a.ColumnPrefix[0]);
        Assert.Equal(108, AccountTimelineSum(a, 0, 11));
        Assert.Equal(7, AccountTimelineSum(a, 8, 11));
        Assert.Empty(timeline.Timelines[1].ActiveDays);
    }

    [Fact]
    public void Build_WeeklyUsers_PrefixOverCompanyWeekGrid()
    {
        var history = new HistoryBuilder().Account("a").Account("b")
            .Week("a", 7, 3).Week("a", 21, 5).Week("b", 0, 9)
            .Build(At(100));

        var timeline = CompanyTimeline.Build(history);

        Assert.Equal(Day0.DayNumber, timeline.WeekOriginDay);
        Assert.Equal(4, timeline.WeekCount);
        Assert.Equal([0L, 0, 3, 3, 8], timeline.Timelines[0].WeeklyUsersPrefix);
        Assert.Equal([0L, 9, 9, 9, 9], timeline.Timelines[1].WeeklyUsersPrefix);
    }

    private static long AccountTimelineSum(AccountTimeline a, int fromDay, int toDay) =>
        AccountTimeline.Sum(a.ColumnDays[0], a.ColumnPrefix[0], Day0.DayNumber + fromDay, Day0.DayNumber + toDay);
}
