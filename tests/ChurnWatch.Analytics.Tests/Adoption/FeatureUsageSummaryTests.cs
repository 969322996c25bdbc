using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Adoption;

public sealed class FeatureUsageSummaryTests
{
    private static readonly DateOnly Week1 = HistoryBuilder.Date(7); // Monday 2024-01-08

    /// <summary>P and R on Team, Q on Business; Q uses two features and leaves on day 20, R uses nothing.</summary>
    private static CompanyHistory History(int dataAsOfDay = 300)
    {
        var history = new HistoryBuilder()
            .Account("P").Account("Q").Account("R")
            .Subscription("P", 0, null, plan: "Team")
            .Subscription("Q", 0, 20, plan: "Business")
            .Subscription("R", 0, null, plan: "Team")
            .Build(HistoryBuilder.At(dataAsOfDay));
        return history with
        {
            UsageWeeks =
            [
                new UsageWeek("P", "reports", Week1, 10, 2),
                new UsageWeek("Q", "reports", Week1, 5, 1),
                new UsageWeek("Q", "api", Week1, 4, 1),
                new UsageWeek("P", UsageWeek.AllFeatures, Week1, 10, 2),
                new UsageWeek("P", "reports", Week1.AddDays(14), 6, 3),
            ],
        };
    }

    [Fact]
    public void Compute_OneWeek_CountsAdoptionUsersEventsAndChurnOfUsersAndNonUsers()
    {
        var rows = FeatureUsageSummary.Compute(History(), Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.All, graceDays: 30);

        Assert.Equal(["api", "reports"], rows.Select(r => r.Feature));
        var reports = rows[1];
        Assert.Equal((Week1, Week1.AddDays(6), "all"), (reports.PeriodStart, reports.PeriodEnd, reports.Group));
        Assert.Equal((3, 2, 3.0, 15L), (reports.Customers, reports.ActiveAccounts, reports.ActiveUsers, reports.Events));
        Assert.Equal(2.0 / 3, reports.AdoptionRate);
        Assert.Equal(5.0, reports.EventsPerActiveUser);
        // Users P and Q: Q churned on day 20, within 90 days of the week's end. Non-user R stayed.
        Assert.Equal((2, 1, 0.5, 0.0), (reports.ChurnBaseUsers, reports.ChurnBaseNonUsers, reports.ChurnShareUsers, reports.ChurnShareNonUsers));
        var api = rows[0];
        Assert.Equal((1, 4L, 1.0, 0.0), (api.ActiveAccounts, api.Events, api.ChurnShareUsers, api.ChurnShareNonUsers));
        Assert.True(reports.Complete);
    }

    [Fact]
    public void Stream_TheFeaturesNamed_SameRowsAsComputeAndReadsTheWeeksOnePeriodAtATime()
    {
        // Usage in each of three weeks, so how far the weeks were read shows how many periods were held.
        var plain = History();
        var history = plain with { UsageWeeks = [.. plain.UsageWeeks, new UsageWeek("P", "api", Week1.AddDays(7), 2, 1)] };
        var computed = FeatureUsageSummary.Compute(history, Week1, Week1.AddDays(20), UsageGrain.Week, UsageGrouping.Plan, graceDays: 30);
        var read = new List<DateOnly>();
        IEnumerable<UsageWeek> Weeks()
        {
            foreach (var week in history.UsageWeeks.OrderBy(w => w.WeekStart))
            {
                read.Add(week.WeekStart);
                yield return week;
            }
        }

        var streamed = FeatureUsageSummary.Stream(history, Weeks(), ["api", "reports"], Week1, Week1.AddDays(20), UsageGrain.Week, UsageGrouping.Plan, graceDays: 30);
        var firstWeek = computed.Where(r => r.PeriodStart == Week1).ToList();

        // The first week's rows came when the weeks had been read to the next week's first row, and no further.
        Assert.Equal(firstWeek, streamed.Take(firstWeek.Count).ToList());
        Assert.Equal(Week1.AddDays(7), read.Max());
        Assert.Equal(computed, streamed.ToList());
        Assert.Equal(Week1.AddDays(14), read.Max());
    }

    [Fact]
    public void Stream_AFeatureNamedButUnused_HasZeroRows_OneNotNamedIsLeftOut()
    {
        var history = History();

        var rows = FeatureUsageSummary.Stream(history, history.UsageWeeks.OrderBy(w => w.WeekStart), ["reports", "search"], Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.All, graceDays: 30).ToList();

        Assert.Equal(["reports", "search"], rows.Select(r => r.Feature));
        Assert.Equal(FeatureUsageSummary.Compute(history, Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.All, graceDays: 30).Single(r => r.Feature == "reports"), rows[0]);
        Assert.Equal((3, 0, 0L, 0.0), (rows[1].Customers, rows[1].ActiveAccounts, rows[1].Events, rows[1].AdoptionRate));
    }

    [Fact]
    public void Compute_ByPlan_SplitsCustomersAndKeepsUnusedFeaturesAsZero()
    {
        var rows = FeatureUsageSummary.Compute(History(), Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.Plan, graceDays: 30);

        Assert.Equal(["Business/api", "Business/reports", "Team/api", "Team/reports"], rows.Select(r => r.Group + "/" + r.Feature));
        var teamApi = rows[2];
        Assert.Equal((2, 0, 0.0), (teamApi.Customers, teamApi.ActiveAccounts, teamApi.AdoptionRate));
        Assert.Null(teamApi.EventsPerActiveUser);
        Assert.Equal((1, 1), (rows[3].ActiveAccounts, rows[0].Customers));
    }

    [Fact]
    public void Compute_Month_AveragesWeeklyUsersOverItsMondayWeeks()
    {
        var rows = FeatureUsageSummary.Compute(History(), new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 10), UsageGrain.Month, UsageGrouping.All, graceDays: 30);

        var reports = rows.Single(r => r.Feature == "reports");
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)), (reports.PeriodStart, reports.PeriodEnd));
        // January 2024 has five Mondays (1, 8, 15, 22, 29): users 2 + 1 + 3 = 6 user-weeks over 5 weeks.
        Assert.Equal(6.0 / 5, reports.ActiveUsers, 12);
        Assert.Equal(21L, reports.Events);
        Assert.Equal(21 / (6.0 / 5), reports.EventsPerActiveUser!.Value, 12);
    }

    [Fact]
    public void Compute_ChurnNotYetKnowable_LeavesTheSharesEmpty()
    {
        var rows = FeatureUsageSummary.Compute(History(dataAsOfDay: 60), Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.All, graceDays: 30);

        Assert.All(rows, r => Assert.Null(r.ChurnShareUsers));
        Assert.All(rows, r => Assert.Null(r.ChurnShareNonUsers));
    }

    [Fact]
    public void Compute_PeriodAfterTheData_IsMarkedIncomplete()
    {
        var rows = FeatureUsageSummary.Compute(History(dataAsOfDay: 10), Week1, Week1.AddDays(6), UsageGrain.Week, UsageGrouping.All, graceDays: 30);

        Assert.All(rows, r => Assert.False(r.Complete));
    }
}
