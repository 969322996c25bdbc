using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Signals;

public sealed class AccountActivityBuilderTests
{
    // Day 196 of the HistoryBuilder calendar is a Monday (28 weeks after Day0).
    private const int AsOfDay = 196;
    private static readonly DateOnly AsOf = HistoryBuilder.Date(AsOfDay);
    private static readonly SignalOptions Defaults = new();

    private static AccountActivity Only(HistoryBuilder history) =>
        Assert.Single(AccountActivityBuilder.Build(CompanyTimeline.Build(history.Build(HistoryBuilder.At(AsOfDay))), AsOf, ["workflows"], Defaults));

    private static HistoryBuilder OneAccount() => new HistoryBuilder().Account("A1").Subscription("A1", 0, null, mrr: 500, seats: 20, plan: "Team");

    [Fact]
    public void Build_WeeklyUsers_TwelveFullWeeksBeforeTheDateOldestFirst()
    {
        var history = OneAccount();
        for (var week = 0; week < 28; week++)
        {
            history.Week("A1", 7 * week, users: week); // the week starting on day 7w has w users
        }

        var activity = Only(history);

        Assert.Equal(Enumerable.Range(16, 12).ToArray(), activity.WeeklyActiveUsers);
        Assert.Equal(("Team", 20, 500m), (activity.Plan, activity.Seats, activity.Billing!.Mrr));
    }

    [Fact]
    public void Build_UsageOnTheDateItself_IsNotSeen()
    {
        var activity = Only(OneAccount().Usage("A1", "workflows", 150, 3).Usage("A1", "reports", 190, 1).Usage("A1", "reports", AsOfDay, 9));

        Assert.Equal((HistoryBuilder.Date(190), HistoryBuilder.Date(150)), (activity.LastActivity, activity.FirstKeyFeatureUse));
    }

    [Theory]
    [InlineData(7, 1)] // opened exactly 7 days before: counts
    [InlineData(6, 0)]
    public void Build_UrgentTicketOpenAtLeastTheThreshold_Counts(int daysOpen, int expected)
    {
        var opened = HistoryBuilder.At(AsOfDay - daysOpen);
        var activity = Only(OneAccount().Ticket("A1", opened, null, TicketPriority.Urgent).Ticket("A1", HistoryBuilder.At(100), null, TicketPriority.High));

        Assert.Equal((expected, daysOpen), (activity.Support!.UrgentOpenTooLong, activity.Support.OldestUrgentOpenDays));
    }

    [Fact]
    public void Build_SupportWindow_CountsBreachesL3AndLowCsatOfTheLast30Days()
    {
        var history = OneAccount()
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 30), HistoryBuilder.At(AsOfDay - 2), slaBreached: true, csat: 2) // in the window
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 31), HistoryBuilder.At(AsOfDay - 31, 5), tier: SupportTier.L3, slaBreached: true, csat: 1) // before it
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 3), null, tier: SupportTier.L3)
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 10), HistoryBuilder.At(AsOfDay - 5), csat: 3);

        Assert.Equal(new SupportFacts(0, 0, SlaBreaches: 1, L3Escalations: 1, LowCsatTickets: 1), Only(history).Support);
    }

    [Theory]
    [InlineData(0, 2)] // the live run: the data was read at the date, an open ticket's state is today's
    [InlineData(7, 2)] // read a week later: still the live run's last complete week
    [InlineData(8, 1)] // a replay: the open ticket may have breached and escalated after the date
    public void Build_OpenTicketState_CountsOnlyWhenTheDataWasReadWithinAWeekOfTheDate(int readDaysAfter, int expected)
    {
        var history = OneAccount()
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 20), HistoryBuilder.At(AsOfDay - 2), tier: SupportTier.L3, slaBreached: true) // resolved before: final
            .Ticket("A1", HistoryBuilder.At(AsOfDay - 3), null, tier: SupportTier.L3, slaBreached: true); // open at the date and when read

        var activity = Assert.Single(AccountActivityBuilder.Build(CompanyTimeline.Build(history.Build(HistoryBuilder.At(AsOfDay + readDaysAfter))), AsOf, ["workflows"], Defaults));

        Assert.Equal((expected, expected), (activity.Support!.SlaBreaches, activity.Support.L3Escalations));
    }

    [Fact]
    public void Build_NoTicketEntity_HasNoSupportFacts() => Assert.Null(Only(OneAccount()).Support);

    [Theory]
    [InlineData(30, 1)] // due exactly 30 days before
    [InlineData(29, 0)]
    public void Build_InvoicePastDueAtLeastTheThreshold_Counts(int daysPastDue, int expected)
    {
        var due = HistoryBuilder.At(AsOfDay - daysPastDue);
        var activity = Only(OneAccount().Invoice("A1", due.AddDays(-30), due, null).Invoice("A1", HistoryBuilder.At(10), HistoryBuilder.At(40), HistoryBuilder.At(41)));

        Assert.Equal(expected, activity.Billing!.PastDueInvoices);
    }

    [Fact]
    public void Build_FailedPaymentsAndMrrBefore_OverTheBillingWindow()
    {
        var history = new HistoryBuilder().Account("A1")
            .Subscription("A1", 0, AsOfDay - 10, mrr: 1000)
            .Subscription("A1", AsOfDay - 10, null, mrr: 700)
            .Payment("A1", HistoryBuilder.At(AsOfDay - 30), succeeded: false)
            .Payment("A1", HistoryBuilder.At(AsOfDay - 31), succeeded: false)
            .Payment("A1", HistoryBuilder.At(AsOfDay - 1), succeeded: true)
            .Payment("A1", HistoryBuilder.At(AsOfDay, 1), succeeded: false);

        var billing = Only(history).Billing!;

        Assert.Equal((1, 700m, 1000m), (billing.FailedPayments, billing.Mrr, billing.MrrBefore));
    }

    [Fact]
    public void Build_RenewalDate_NextOnOrAfterTheDate()
    {
        var activity = Only(new HistoryBuilder().Account("A1").Subscription("A1", 0, null, renewal: HistoryBuilder.Date(AsOfDay + 40), periodMonths: 12));

        Assert.Equal(HistoryBuilder.Date(AsOfDay + 40), activity.RenewalDate);
    }

    [Fact]
    public void Build_EndedAccount_IsLeftOut()
    {
        var history = OneAccount().Account("A2").Subscription("A2", 0, AsOfDay - 1);

        var all = AccountActivityBuilder.Build(CompanyTimeline.Build(history.Build(HistoryBuilder.At(AsOfDay))), AsOf, [], Defaults);

        Assert.Equal(["A1"], all.Select(a => a.AccountId));
    }
}
