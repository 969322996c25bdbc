using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Signals.Evaluation;

public sealed class SignalReplayTests
{
    [Fact]
    public void Dates_EndAHorizonAndGraceBeforeTheDataOnMondays()
    {
        var dates = SignalReplay.Dates(HistoryBuilder.At(400, 5), weeks: 3, horizonDays: 90, graceDays: 30);

        // day 400 - 120 = 280, a Monday (40 weeks after Day0)
        Assert.Equal([HistoryBuilder.Date(266), HistoryBuilder.Date(273), HistoryBuilder.Date(280)], dates);
    }

    [Fact]
    public void Run_GoneDarkAccountThatChurns_OneSignalOpenedFollowedByChurn()
    {
        // A1 stops using the product on day 150 and its subscription ends on day 240; A2..A4 stay active and keep using it.
        var history = new HistoryBuilder();
        foreach (var id in new[] { "A1", "A2", "A3", "A4" })
        {
            history.Account(id).Subscription(id, 0, id == "A1" ? 240 : null);
            var lastUse = id == "A1" ? 150 : 399;
            for (var day = 0; day <= lastUse; day += 2)
            {
                history.Usage(id, "workflows", day, 5);
            }
        }

        var timeline = CompanyTimeline.Build(history.Build(HistoryBuilder.At(400)));
        List<DateOnly> dates = [HistoryBuilder.Date(175), HistoryBuilder.Date(182), HistoryBuilder.Date(189), HistoryBuilder.Date(196)];

        var evaluation = SignalReplay.Run(timeline, dates, ["workflows"], [], new SignalOptions(), graceDays: 30, _ => Array.Empty<AccountScore>());

        var goneDark = evaluation.Kinds.Single(k => k.Kind == SignalKind.GoneDark);
        // Silent 24 days on day 175 (the warm-up, day 168, had 17): already live, so nothing is opened on the replayed dates.
        Assert.Equal((0, 0), (goneDark.Opened, goneDark.FollowedByOutcome));
        Assert.Equal(16, evaluation.AccountDates);
        // Day 240 is within 90 days of 175, 182, 189 and 196: every A1 date is followed by churn, no other.
        Assert.Equal(4.0 / 16, evaluation.ChurnBaseRate);
    }

    [Fact]
    public void Run_SignalOpenedOnAReplayedDate_CountedOnceWithItsOutcome()
    {
        var history = new HistoryBuilder();
        foreach (var id in new[] { "A1", "A2", "A3", "A4" })
        {
            history.Account(id).Subscription(id, 0, id == "A1" ? 240 : null);
            var lastUse = id == "A1" ? 160 : 399;
            for (var day = 0; day <= lastUse; day += 2)
            {
                history.Usage(id, "workflows", day, 5);
            }
        }

        var timeline = CompanyTimeline.Build(history.Build(HistoryBuilder.At(400)));
        // Last use on day 160: 14 silent days first on day 175; the warm-up (168) has 7.
        List<DateOnly> dates = [HistoryBuilder.Date(175), HistoryBuilder.Date(182), HistoryBuilder.Date(189)];

        var evaluation = SignalReplay.Run(timeline, dates, ["workflows"], [], new SignalOptions(), graceDays: 30, _ => Array.Empty<AccountScore>());

        var goneDark = evaluation.Kinds.Single(k => k.Kind == SignalKind.GoneDark);
        Assert.Equal((1, 1, 1), (goneDark.Opened, goneDark.Accounts, goneDark.FollowedByOutcome));
        Assert.Equal(3.0 / 12, evaluation.ChurnBaseRate);
        Assert.Equal(1.0 / (3.0 / 12), goneDark.Lift, 12);
    }
}
