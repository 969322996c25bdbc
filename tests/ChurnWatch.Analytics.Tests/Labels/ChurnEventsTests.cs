using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Labels;

public class ChurnEventsTests
{
    [Fact]
    public void Find_NewSubscriptionWithinGrace_IsNotChurn()
    {
        var history = new HistoryBuilder().Account("a")
            .Subscription("a", 0, 100)
            .Subscription("a", 130, 200) // 30-day gap: exactly the grace period
            .Build(At(300));

        Assert.Equal([At(200)], ChurnEvents.Find(history.Subscriptions, history.DataAsOf, graceDays: 30));
    }

    [Fact]
    public void Find_NewSubscriptionAfterGrace_IsChurnThenReactivation()
    {
        var history = new HistoryBuilder().Account("a")
            .Subscription("a", 0, 100)
            .Subscription("a", 131, 200)
            .Build(At(300));

        Assert.Equal([At(100), At(200)], ChurnEvents.Find(history.Subscriptions, history.DataAsOf, graceDays: 30));
    }

    [Fact]
    public void Find_EndWithinGraceOfDataAsOf_IsNotYetConfirmed()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, 100).Build(At(129));

        Assert.Empty(ChurnEvents.Find(history.Subscriptions, history.DataAsOf, graceDays: 30));
        Assert.Equal([At(100)], ChurnEvents.Find(history.Subscriptions, At(130), graceDays: 30));
    }

    [Fact]
    public void Find_OverlappingSubscriptions_ChurnOnlyWhenTheLastEnds()
    {
        var history = new HistoryBuilder().Account("a")
            .Subscription("a", 0, 150)
            .Subscription("a", 50, 100) // cancelling one of several is contraction, not churn
            .Build(At(300));

        Assert.Equal([At(150)], ChurnEvents.Find(history.Subscriptions, history.DataAsOf, graceDays: 30));
    }

    [Fact]
    public void Find_EndAfterDataAsOf_IsStillRunning()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, 400).Build(At(300));

        Assert.Empty(ChurnEvents.Find(history.Subscriptions, history.DataAsOf, graceDays: 30));
    }
}
