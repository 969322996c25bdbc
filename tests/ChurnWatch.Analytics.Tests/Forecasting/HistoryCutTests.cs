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
}
