using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Labels;

public class RenewalLabelTests
{
    private static readonly DateOnly Renewal = new(2025, 1, 1); // day 366
    private static readonly int RenewalDay = Renewal.DayNumber - Day0.DayNumber;

    [Fact]
    public void At_ContractContinuesPastRenewal_IsRenewed()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null, renewal: Renewal.AddMonths(12), periodMonths: 12).Build(At(800));

        Assert.False(RenewalLabel.At(history.Subscriptions, Date(112), 365, 30, history.DataAsOf));
        Assert.Equal(Renewal, RenewalLabel.NextRenewal(history.Subscriptions, Date(112)));
    }

    [Fact]
    public void At_ContractEndsAtRenewal_IsNotRenewed()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, RenewalDay, renewal: Renewal, periodMonths: 12).Build(At(800));

        Assert.True(RenewalLabel.At(history.Subscriptions, Date(112), 365, 30, history.DataAsOf));
    }

    [Fact]
    public void At_NewContractWithinGrace_IsRenewed()
    {
        var history = new HistoryBuilder().Account("a")
            .Subscription("a", 0, RenewalDay, renewal: Renewal, periodMonths: 12)
            .Subscription("a", RenewalDay + 10, null, renewal: Renewal.AddMonths(12), periodMonths: 12)
            .Build(At(800));

        Assert.False(RenewalLabel.At(history.Subscriptions, Date(112), 365, 30, history.DataAsOf));
    }

    [Fact]
    public void At_RenewalPlusGraceAfterDataAsOf_IsNull()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, RenewalDay, renewal: Renewal, periodMonths: 12).Build(At(RenewalDay + 29));

        Assert.Null(RenewalLabel.At(history.Subscriptions, Date(112), 365, 30, history.DataAsOf));
        Assert.True(RenewalLabel.At(history.Subscriptions, Date(112), 365, 30, At(RenewalDay + 30)));
    }

    [Fact]
    public void At_RenewalBeyondWindowOrNoContract_IsNull()
    {
        var contract = new HistoryBuilder().Account("a").Subscription("a", 0, null, renewal: Renewal, periodMonths: 12).Build(At(800));
        var monthly = new HistoryBuilder().Account("a").Subscription("a", 0, null).Build(At(800));

        Assert.Null(RenewalLabel.At(contract.Subscriptions, Date(112), windowDays: 200, 30, contract.DataAsOf));
        Assert.Null(RenewalLabel.At(monthly.Subscriptions, Date(112), 365, 30, monthly.DataAsOf));
    }
}
