using ChurnWatch.Worker.Dashboard;

namespace ChurnWatch.Worker.Tests.Dashboard;

public sealed class SignalDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_EmptyReason_RefusedLikeTheCli(string? reason)
    {
        Assert.Equal("Reason is empty: say in a few words why (it is kept with the signal's history).", SignalDecision.Check(reason, snooze: false, null, Today).Error);
    }

    [Theory]
    [InlineData("01/04/2026", "Until: '01/04/2026' is not a date; write it as YYYY-MM-DD, for example 2027-01-31.")]
    [InlineData("", "Until: '' is not a date; write it as YYYY-MM-DD, for example 2027-01-31.")]
    [InlineData("2026-03-01", "Until: 2026-03-01 is not in the future (today is 2026-03-01 UTC); a snooze must end on a later date.")]
    [InlineData("2025-12-31", "Until: 2025-12-31 is not in the future (today is 2026-03-01 UTC); a snooze must end on a later date.")]
    public void Check_BadSnoozeDate_RefusedLikeTheCli(string until, string expected)
    {
        Assert.Equal(expected, SignalDecision.Check("holiday", snooze: true, until, Today).Error);
    }

    [Fact]
    public void Check_SnoozeTomorrow_TrimmedReasonAndDate()
    {
        Assert.Equal(("holiday", (DateOnly?)new DateOnly(2026, 3, 2), (string?)null), SignalDecision.Check("  holiday ", snooze: true, " 2026-03-02 ", Today));
    }

    [Fact]
    public void Check_Acknowledge_NeedsNoDate()
    {
        Assert.Equal(("seen", (DateOnly?)null, (string?)null), SignalDecision.Check("seen", snooze: false, "not a date", Today));
    }
}
