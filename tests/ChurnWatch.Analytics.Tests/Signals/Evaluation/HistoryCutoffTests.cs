using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Signals.Evaluation;

public sealed class HistoryCutoffTests
{
    [Fact]
    public void Before_LaterFactsRemovedAndLaterChangesUndone()
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

        var known = HistoryCutoff.Before(history, HistoryBuilder.At(50));

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
