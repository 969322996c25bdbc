using ChurnWatch.Analytics.Predictors;
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

    [Fact]
    public void Replay_InBatchesOfAccounts_GivesExactlyTheWholeCompanysEvaluation()
    {
        var history = SyntheticCompany.Generate(accounts: 240, days: 500, seed: 13);
        var shape = CompanyShape.Of(history);
        var timeline = CompanyTimeline.Build(history, shape);
        var options = new SignalOptions();
        string[] tiers = ["Starter", "Team", "Business", "Enterprise"];
        string[] keys = [.. shape.FeatureEvents.OrderByDescending(f => f.Value).Take(2).Select(f => f.Key)];
        var dates = SignalReplay.Dates(history.DataAsOf, weeks: 8, options.EvaluationHorizonDays, graceDays: 30);
        // Scores that depend only on the account and the date (as a model's do), so renewal, risk-jump and plan-fit
        // rules fire; scoring a batch gives the batch's accounts.
        IReadOnlyList<AccountScore> ScoresAt(CompanyTimeline of, DateOnly date) =>
            [.. of.Timelines.Select(t => t.Account.AccountId).Select(id =>
            {
                var h = id.Aggregate(date.DayNumber / 7 % 3, (acc, ch) => unchecked((acc * 31) + ch));
                var u = (h & 0x7fffffff) % 1000 / 1000.0;
                return new AccountScore(id, date, u, 1 - (u / 2), u > 0.5 ? RiskBand.High : RiskBand.Low, []);
            })];

        var whole = SignalReplay.Run(timeline, dates, keys, tiers, options, graceDays: 30, date => ScoresAt(timeline, date));
        var batches = AccountBatches.Split(history, 70).Select(b => CompanyTimeline.Build(b, shape)).ToList();
        var replay = SignalReplay.Start(batches, dates, keys, tiers, options, graceDays: 30);
        foreach (var batch in batches)
        {
            replay.Add(batch, date => ScoresAt(batch, date));
        }

        var batched = replay.Finish();

        Assert.Equal(whole with { Kinds = [] }, batched with { Kinds = [] });
        Assert.Equal(whole.Kinds, batched.Kinds);
        Assert.Contains(whole.Kinds, k => k.Kind == SignalKind.PlanFit && k.Opened > 0);
        Assert.True(whole.Kinds.Count(k => k.Opened > 0) >= 4, string.Join(", ", whole.Kinds.Select(k => $"{k.Kind} {k.Opened}")));
    }
}
