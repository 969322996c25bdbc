using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class HistoryCutTests
{
    [Fact]
    public void At_Instant_ForgetsTheFutureAndReopensWhatWasOpen()
    {
        var history = new HistoryBuilder()
            .Account("A").Account("B", createdDay: 20)
            .Subscription("A", 0, 30).Subscription("A", 30, null).Subscription("B", 20, null)
            .Usage("A", "reports", 9, 5).Usage("A", "reports", 10, 7)
            .WithWeeks("A", 0, 14, users: 2)
            .Ticket("A", HistoryBuilder.At(5), HistoryBuilder.At(12), csat: 5)
            .Invoice("A", HistoryBuilder.At(1), HistoryBuilder.At(8), HistoryBuilder.At(11), "paid")
            .Payment("A", HistoryBuilder.At(11), succeeded: true)
            .Build(HistoryBuilder.At(60));

        var cut = HistoryCut.At(history, HistoryBuilder.At(10));

        Assert.Equal(["A"], cut.Accounts.Select(a => a.AccountId));
        var subscription = Assert.Single(cut.Subscriptions);
        Assert.Null(subscription.EndedAt); // it ended on day 30, unknown on day 10
        Assert.Equal([HistoryBuilder.Date(9)], cut.UsageDays.Select(d => d.Day));
        Assert.Equal([HistoryBuilder.Date(0)], cut.UsageWeeks.Select(w => w.WeekStart)); // the week of day 7 ends on day 14
        Assert.Equal((null, null), (cut.Tickets![0].ResolvedAt, cut.Tickets[0].Csat));
        Assert.Null(cut.Invoices![0].PaidAt);
        Assert.Empty(cut.PaymentAttempts!);
        Assert.Equal(HistoryBuilder.At(10), cut.DataAsOf);
    }

    [Fact]
    public void At_NoOptionalEntities_StayNotProvided()
    {
        var history = new HistoryBuilder().Account("A").Subscription("A", 0, null).Build(HistoryBuilder.At(60));

        var cut = HistoryCut.At(history, HistoryBuilder.At(10));

        Assert.Equal((IReadOnlyList<Ticket>?)null, cut.Tickets);
        Assert.Null(cut.Invoices);
    }

    // Payments on both sides of the instant, a week still running at it, an account created after it.
    [Fact]
    public void At_PaymentsAndWeeksAroundTheInstant_LaterFactsRemovedAndLaterChangesUndone()
    {
        var history = new HistoryBuilder().Account("A1").Account("A2", createdDay: 60)
            .Subscription("A1", 0, 80, mrr: 100)
            .Subscription("A2", 60, null)
            .Usage("A1", "reports", 49, 1).Usage("A1", "reports", 50, 1)
            .Week("A1", 42, 3).Week("A1", 49, 3)
            .Ticket("A1", HistoryBuilder.At(40), HistoryBuilder.At(55), TicketPriority.Urgent, csat: 1)
            .Invoice("A1", HistoryBuilder.At(30), HistoryBuilder.At(45), HistoryBuilder.At(52))
            .Payment("A1", HistoryBuilder.At(49), false).Payment("A1", HistoryBuilder.At(51), true)
            .Build(HistoryBuilder.At(100));

        var known = HistoryCut.At(history, HistoryBuilder.At(50));

        Assert.Equal(["A1"], known.Accounts.Select(a => a.AccountId));
        Assert.Null(Assert.Single(known.Subscriptions).EndedAt);
        Assert.Equal([HistoryBuilder.Date(49)], known.UsageDays.Select(d => d.Day));
        Assert.Equal([HistoryBuilder.Date(42)], known.UsageWeeks.Select(w => w.WeekStart)); // the week of day 49 ends after day 50
        Assert.Equal((null, null), (known.Tickets![0].ResolvedAt, known.Tickets[0].Csat));
        Assert.Null(known.Invoices![0].PaidAt);
        Assert.Single(known.PaymentAttempts!);
        Assert.Equal(HistoryBuilder.At(50), known.DataAsOf);
    }
}
