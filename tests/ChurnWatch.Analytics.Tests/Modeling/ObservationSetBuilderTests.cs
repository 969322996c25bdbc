using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class ObservationSetBuilderTests
{
    private static ObservationSet Build(HistoryBuilder builder, int dataAsOfDay, ModelingOptions options)
    {
        var timeline = CompanyTimeline.Build(builder.Build(At(dataAsOfDay)));
        return ObservationSetBuilder.Build(new PredictorBuilder(timeline, new PredictorSettings([], [])), options);
    }

    [Fact]
    public void Build_ChurnedAccount_IsNotObservedAfterChurn_AndLabelsFollowHorizon()
    {
        var options = new ModelingOptions { WarmUpDays = 0 };
        var history = new HistoryBuilder()
            .Account("a").Subscription("a", 0, 200)
            .Account("b").Subscription("b", 0, null)
            .Usage("a", "reports", 0, 1);

        var set = Build(history, 400, options);

        var aDays = Enumerable.Range(0, set.Count).Where(r => set.Account[r] == 0).Select(r => set.Day[r] - Day0.DayNumber).ToArray();
        var bDays = Enumerable.Range(0, set.Count).Where(r => set.Account[r] == 1).Select(r => set.Day[r] - Day0.DayNumber).ToArray();
        // Mondays from day 0 while label knowable: D + 90 + 30 <= 400 (churn) or D + 30 <= 400 for renewals (none here).
        Assert.Equal(Enumerable.Range(0, 29).Select(w => w * 7), aDays); // days 0..196: active before the end at 200
        Assert.Equal(Enumerable.Range(0, 41).Select(w => w * 7), bDays); // days 0..280 = 400 - 120
        foreach (var r in Enumerable.Range(0, set.Count).Where(r => set.Account[r] == 0))
        {
            var day = set.Day[r] - Day0.DayNumber;
            Assert.Equal(day + 90 > 200 ? 1 : 0, set.Churn[r]);
            Assert.Equal(-1, set.NonRenewal[r]);
        }

        Assert.All(Enumerable.Range(0, set.Count).Where(r => set.Account[r] == 1), r => Assert.Equal(0, set.Churn[r]));
    }

    [Fact]
    public void Build_ReactivatedAccount_IsObservedAgain()
    {
        var options = new ModelingOptions { WarmUpDays = 0 };
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, 70).Subscription("a", 140, null).Usage("a", "x", 0, 1);

        var set = Build(history, 400, options);

        var days = set.Day.Select(d => d - Day0.DayNumber).ToArray();
        Assert.Equal([0, 7, 14, 21, 28, 35, 42, 49, 56, 63, .. Enumerable.Range(20, 21).Select(w => w * 7)], days);
        Assert.Equal(1, set.Churn[0]); // churn at day 70, within 90 days of day 0
    }
}
