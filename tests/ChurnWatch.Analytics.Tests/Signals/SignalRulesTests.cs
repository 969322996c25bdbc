using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Analytics.Tests.Signals;

public sealed class SignalRulesTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);
    private readonly SignalRules _rules = new(new SignalOptions());

    private static AccountActivity Activity(
        int[]? weeks = null, int seats = 10, int subscribedDaysAgo = 200, int? lastActiveDaysAgo = 1, int? firstKeyDaysAgo = 190) =>
        new("A1", AsOf, AsOf.AddDays(-subscribedDaysAgo), seats, weeks ?? [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
            lastActiveDaysAgo is { } l ? AsOf.AddDays(-l) : null, firstKeyDaysAgo is { } k ? AsOf.AddDays(-k) : null);

    [Fact]
    public void Evaluate_SteadyAccount_FindsNothing() => Assert.Empty(_rules.Evaluate(Activity()));

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void NeverActivated_AtThreshold_Fires(int daysSinceStart, bool fires)
    {
        var signal = _rules.NeverActivated(Activity(subscribedDaysAgo: daysSinceStart, firstKeyDaysAgo: null));
        Assert.Equal(fires, signal is not null);
    }

    [Fact]
    public void NeverActivated_TwiceTheThreshold_IsCritical()
    {
        var signal = _rules.NeverActivated(Activity(subscribedDaysAgo: 60, firstKeyDaysAgo: null));
        Assert.Equal(SignalSeverity.Critical, signal!.Severity);
        Assert.Contains("60 days", signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14, false)] // last active 14 days ago: 13 silent days
    [InlineData(15, true)]  // 14 silent days
    public void GoneDark_AtThreshold_Fires(int lastActiveDaysAgo, bool fires) =>
        Assert.Equal(fires, _rules.GoneDark(Activity(lastActiveDaysAgo: lastActiveDaysAgo)) is not null);

    [Fact]
    public void GoneDark_NeverActive_IsNotGoneDark() => Assert.Null(_rules.GoneDark(Activity(lastActiveDaysAgo: null)));

    [Theory]
    [InlineData(6, true)]  // 10 -> 6 a week: exactly the 40% threshold
    [InlineData(7, false)] // 30%
    [InlineData(5, true)]  // 50%
    public void Declining_DropAgainstThreshold(int recentUsers, bool fires)
    {
        int[] weeks = [10, 10, 10, 10, 10, 10, 10, 10, recentUsers, recentUsers, recentUsers, recentUsers];
        Assert.Equal(fires, _rules.Declining(Activity(weeks)) is not null);
    }

    [Fact]
    public void Declining_TinyBase_IsIgnored()
    {
        int[] weeks = [2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0];
        Assert.Null(_rules.Declining(Activity(weeks)));
    }

    [Theory]
    [InlineData(new[] { 9, 9, 9 }, true)]
    [InlineData(new[] { 9, 8, 9 }, false)]
    [InlineData(new[] { 10, 10, 8 }, false)]
    public void SeatSaturation_NeedsEveryOfLastThreeWeeks(int[] lastThree, bool fires)
    {
        int[] weeks = [1, 1, 1, 1, 1, 1, 1, 1, 1, .. lastThree];
        Assert.Equal(fires, _rules.SeatSaturation(Activity(weeks, seats: 10)) is not null);
    }

    [Theory]
    [InlineData(13, true)]  // 10 -> 13: +30%
    [InlineData(12, false)] // +20%
    public void StrongGrowth_AgainstThreshold(int recentUsers, bool fires)
    {
        int[] weeks = [10, 10, 10, 10, 11, 11, 11, 11, recentUsers, recentUsers, recentUsers, recentUsers];
        Assert.Equal(fires, _rules.StrongGrowth(Activity(weeks, seats: 20)) is not null);
    }

    [Fact]
    public void StrongGrowth_AccountStillOnboarding_IsNotUpsell()
    {
        int[] weeks = [10, 10, 10, 10, 11, 11, 11, 11, 20, 20, 20, 20];
        Assert.NotNull(_rules.StrongGrowth(Activity(weeks, seats: 20, subscribedDaysAgo: 84)));
        Assert.Null(_rules.StrongGrowth(Activity(weeks, seats: 20, subscribedDaysAgo: 83)));
    }

    [Fact]
    public void SeatRules_CompanySellsNoSeats_SaturationOffAndGrowthOnUseAlone()
    {
        // Seats 0: the company sells none (CompanyShape.LicensesSeats). Two users on a one-seat account is not saturation.
        int[] weeks = [10, 10, 10, 10, 12, 12, 12, 12, 15, 15, 15, 15];

        Assert.Null(_rules.SeatSaturation(Activity(weeks, seats: 0)));
        Assert.Equal("Weekly active users up 50% over 8 weeks: 10 to 15 a week", _rules.StrongGrowth(Activity(weeks, seats: 0))!.Evidence);
    }

    [Theory]
    [InlineData(25, true)]  // 15 users fill exactly 60% of 25 seats
    [InlineData(26, false)] // 58%: growth with room to spare needs no seats
    public void StrongGrowth_SeatUseAgainstThreshold(int seats, bool fires)
    {
        int[] weeks = [10, 10, 10, 10, 12, 12, 12, 12, 15, 15, 15, 15];
        var signal = _rules.StrongGrowth(Activity(weeks, seats: seats));
        Assert.Equal(fires, signal is not null);
        if (fires)
        {
            Assert.Equal("Weekly active users up 50% over 8 weeks: 10 to 15 a week, 60% of 25 seats", signal!.Evidence);
        }
    }
}
