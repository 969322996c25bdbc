using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Signals.Evaluation;

public sealed class AccountOutcomesTests
{
    [Fact]
    public void ExpandedWithin_MrrRiseAtAChange_CountsOnlyInsideTheHorizon()
    {
        var history = new HistoryBuilder().Account("A1")
            .Subscription("A1", 0, 100, mrr: 100)
            .Subscription("A1", 100, 200, mrr: 150) // expansion at day 100
            .Subscription("A1", 200, null, mrr: 120) // contraction at day 200
            .Build(HistoryBuilder.At(400));
        var outcomes = AccountOutcomes.Build(history, graceDays: 30);

        Assert.True(outcomes.ExpandedWithin("A1", HistoryBuilder.At(11), 90));   // day 100 is before day 101
        Assert.False(outcomes.ExpandedWithin("A1", HistoryBuilder.At(10), 90));  // day 100 is the end, excluded
        Assert.False(outcomes.ExpandedWithin("A1", HistoryBuilder.At(150), 90)); // only the contraction follows
        Assert.False(outcomes.ChurnedWithin("A1", HistoryBuilder.At(150), 300));
    }

    [Fact]
    public void ExpandedWithin_ReturnAfterAGap_IsNotAnExpansion()
    {
        var history = new HistoryBuilder().Account("A1")
            .Subscription("A1", 0, 50, mrr: 100)
            .Subscription("A1", 120, null, mrr: 300)
            .Build(HistoryBuilder.At(400));
        var outcomes = AccountOutcomes.Build(history, graceDays: 30);

        Assert.False(outcomes.ExpandedWithin("A1", HistoryBuilder.At(40), 90));
        Assert.True(outcomes.ChurnedWithin("A1", HistoryBuilder.At(40), 90)); // ended day 50, nothing within 30 days
    }
}
