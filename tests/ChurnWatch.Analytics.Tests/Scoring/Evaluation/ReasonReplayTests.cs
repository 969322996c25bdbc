using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Scoring.Evaluation;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Scoring.Evaluation;

public sealed class ReasonReplayTests
{
    private static readonly string[] Churners = ["A1", "A3", "A5"];

    [Fact]
    public void Run_HandBuiltScores_CountsEachBandAndGroupAndTheBandAdjustedLift()
    {
        // A1, A3 and A5 end on day 240, within 90 days of both dates (and confirmed: no return within 30 days by day 400).
        var history = new HistoryBuilder();
        for (var i = 1; i <= 10; i++)
        {
            var id = $"A{i}";
            history.Account(id).Subscription(id, 0, Churners.Contains(id) ? 240 : null);
        }

        var timeline = CompanyTimeline.Build(history.Build(HistoryBuilder.At(400)));
        DateOnly first = HistoryBuilder.Date(175), second = HistoryBuilder.Date(182);
        (DateOnly Date, string Id, RiskBand Band, ReasonTopic? Topic, double Contribution)[] scored =
        [
            (first, "A1", RiskBand.High, ReasonTopic.ActiveUsers, 1.2),
            (first, "A2", RiskBand.High, ReasonTopic.Adoption, 0.8),
            (first, "A3", RiskBand.High, ReasonTopic.Support, 0.9),
            (first, "A4", RiskBand.High, null, 0),
            (first, "A5", RiskBand.Medium, ReasonTopic.Activity, 0.5),
            (first, "A6", RiskBand.Medium, ReasonTopic.Billing, 0.4),
            (first, "A7", RiskBand.Medium, null, 0),
            (first, "A8", RiskBand.Medium, ReasonTopic.Usage, 0.3),
            (first, "A9", RiskBand.Low, ReasonTopic.Usage, -0.5), // protective: none raising
            (first, "A10", RiskBand.Low, ReasonTopic.Usage, 0.2),
            (second, "A1", RiskBand.High, ReasonTopic.Usage, 1.4),
            (second, "A2", RiskBand.High, ReasonTopic.Support, 0.8), // its first reason changed group
            (second, "A3", RiskBand.High, ReasonTopic.Support, 0.9),
            (second, "A4", RiskBand.High, null, 0),
            (second, "A5", RiskBand.Medium, ReasonTopic.Activity, 0.6),
            (second, "A6", RiskBand.Medium, ReasonTopic.Revenue, 0.4),
            (second, "A7", RiskBand.Medium, ReasonTopic.ActiveUsers, 0.3),
            (second, "A8", RiskBand.Medium, ReasonTopic.Usage, 0.3),
            (second, "A9", RiskBand.Low, ReasonTopic.Usage, -0.5),
            (second, "A10", RiskBand.Low, ReasonTopic.Usage, 0.2),
        ];
        IReadOnlyList<AccountScore> ScoresAt(DateOnly date) =>
            [.. scored.Where(s => s.Date == date).Select(s => new AccountScore(s.Id, date, 0.5, null, s.Band,
                s.Topic is { } topic ? [new ScoreReason("f", s.Contribution, "words", topic)] : []))];

        var evaluation = ReasonReplay.Run(timeline, [first, second], new SignalOptions(), graceDays: 30, ScoresAt);

        Assert.Equal((2, 20, 6, 90), (evaluation.Dates, evaluation.AccountWeeks, evaluation.Churned, evaluation.HorizonDays));
        Assert.Equal(15, evaluation.Cells.Count); // 3 bands x 5 groups
        Assert.Equal(new ReasonLift(RiskBand.High, ReasonGroup.UsageDrop, 3, 2, 5, 2), Cell(evaluation, RiskBand.High, ReasonGroup.UsageDrop));
        Assert.Equal(new ReasonLift(RiskBand.Medium, ReasonGroup.Billing, 2, 0, 6, 2), Cell(evaluation, RiskBand.Medium, ReasonGroup.Billing));
        Assert.Equal(new ReasonLift(RiskBand.Low, ReasonGroup.NoneRaising, 2, 0, 2, 0), Cell(evaluation, RiskBand.Low, ReasonGroup.NoneRaising));
        // Indirect standardisation from the scores above: each band's usage-drop account-weeks at the churn rate of
        // that band's other account-weeks.
        var usageDrop = scored.Where(s => (s.Topic is ReasonTopic.ActiveUsers or ReasonTopic.Usage or ReasonTopic.Adoption or ReasonTopic.Activity) && s.Contribution > 0).ToList();
        var expected = usageDrop.GroupBy(s => s.Band).Sum(band =>
        {
            var others = scored.Where(s => s.Band == band.Key && !usageDrop.Contains(s)).ToList();
            return band.Count() * others.Count(s => Churners.Contains(s.Id)) / (double)others.Count;
        });
        var observed = usageDrop.Count(s => Churners.Contains(s.Id));
        Assert.Equal(expected, evaluation.ExpectedChurnedIn(ReasonGroup.UsageDrop), 12);
        Assert.Equal(observed, evaluation.ChurnedIn(ReasonGroup.UsageDrop));
        Assert.Equal(observed / expected, evaluation.UsageDropLift, 12);
        Assert.Equal(usageDrop.Count, evaluation.AccountWeeksIn(ReasonGroup.UsageDrop));
        Assert.Equal((double)observed / usageDrop.Count, evaluation.RateIn(ReasonGroup.UsageDrop), 12);
    }

    [Fact]
    public void BandAdjustedLift_NoOtherAccountWeeksInABandOrNoneExpected_IsNaN()
    {
        ReasonLift[] cells =
        [
            new(RiskBand.High, ReasonGroup.Support, 4, 2, 0, 0),  // the band is all support: nothing to compare with
            new(RiskBand.Low, ReasonGroup.Support, 5, 1, 10, 1),
            new(RiskBand.Low, ReasonGroup.Billing, 3, 1, 12, 0),  // the band's others never churned: nothing expected
        ];
        var evaluation = new ReasonEvaluation(HistoryBuilder.Date(175), HistoryBuilder.Date(175), 1, 29, 4, 90, cells);

        Assert.True(double.IsNaN(evaluation.BandAdjustedLift(ReasonGroup.Support)));
        Assert.True(double.IsNaN(evaluation.BandAdjustedLift(ReasonGroup.Billing)));
        Assert.True(double.IsNaN(evaluation.UsageDropLift)); // no usage-drop account-weeks at all
        Assert.Equal((1.0 / 5) / (1.0 / 10), cells[1].Lift, 12);
    }

    [Fact]
    public void Replay_InBatchesOfAccounts_GivesExactlyTheWholeCompanysEvaluation()
    {
        var history = SyntheticCompany.Generate(accounts: 240, days: 500, seed: 13);
        var shape = CompanyShape.Of(history);
        var timeline = CompanyTimeline.Build(history, shape);
        var options = new SignalOptions();
        var dates = SignalReplay.Dates(history.DataAsOf, weeks: 8, options.EvaluationHorizonDays, graceDays: 30);
        // Scores that depend only on the account and the date (as a model's do), with a first reason of any topic and
        // direction; scoring a batch gives the batch's accounts that are active then.
        IReadOnlyList<AccountScore> ScoresAt(CompanyTimeline of, DateOnly date) =>
            [.. of.Timelines.Where(t => t.Subscriptions.Any(s => s.IsActiveAt(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))).Select(t =>
            {
                var id = t.Account.AccountId;
                var h = id.Aggregate(date.DayNumber / 7 % 5, (acc, ch) => unchecked((acc * 31) + ch)) & 0x7fffffff;
                var band = (RiskBand)(h % 3);
                var topic = (ReasonTopic)(3 + (h / 3 % 7));
                ScoreReason[] reasons = h / 21 % 4 == 0 ? [] : [new ScoreReason("f", h / 84 % 3 == 0 ? -0.4 : 0.4, "words", topic)];
                return new AccountScore(id, date, 0.1, null, band, reasons);
            })];

        var whole = ReasonReplay.Run(timeline, dates, options, graceDays: 30, date => ScoresAt(timeline, date));
        var replay = ReasonReplay.Start(dates, options, graceDays: 30);
        foreach (var batch in AccountBatches.Split(history, 70).Select(b => CompanyTimeline.Build(b, shape)))
        {
            replay.Add(batch, date => ScoresAt(batch, date));
        }

        var batched = replay.Finish();

        Assert.Equal(whole with { Cells = [] }, batched with { Cells = [] });
        Assert.Equal(whole.Cells, batched.Cells);
        Assert.True(whole.Churned > 0, "no churn in the replayed weeks");
        Assert.All(Enum.GetValues<ReasonGroup>().Where(g => g != ReasonGroup.Other), g => Assert.True(whole.AccountWeeksIn(g) > 0, g.ToString()));
        Assert.Equal(whole.UsageDropLift, batched.UsageDropLift);
    }

    private static ReasonLift Cell(ReasonEvaluation evaluation, RiskBand band, ReasonGroup group) =>
        Assert.Single(evaluation.Cells, c => c.Band == band && c.Group == group);
}
