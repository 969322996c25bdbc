using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>Levels compared with what retained accounts on the same plan do: learned, worded, and never against the driver.</summary>
public sealed class RetainedLevelsTests
{
    private const string Comments = "usage_comments_28d";

    /// <summary>Team's median of tickets opened is 2 over 40 rows; every plan's is 1.</summary>
    private static RetainedLevels Levels(int teamRows = 40) => new(
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["Team"] = new Dictionary<string, double> { [PredictorNames.TicketsOpened90d] = 2, [PredictorNames.CsatAvg180d] = 4.5 },
            [RetainedLevels.AllPlans] = new Dictionary<string, double> { [PredictorNames.TicketsOpened90d] = 1, [PredictorNames.CsatAvg180d] = 4.4 },
        },
        new Dictionary<string, int> { ["Team"] = teamRows, [RetainedLevels.AllPlans] = 500 });

    [Theory]
    [InlineData(0.05, "under a tenth of")]
    [InlineData(0.1, "about a tenth of")]
    [InlineData(0.2, "about a fifth of")]
    [InlineData(0.25, "about a quarter of")]
    [InlineData(0.33, "about a third of")]
    [InlineData(0.5, "about half")]
    [InlineData(0.66, "about two thirds of")]
    [InlineData(0.75, "about three quarters of")]
    [InlineData(1.0, "about the median")]
    [InlineData(1.5, "about 1.5 times")]
    [InlineData(2.0, "about twice")]
    [InlineData(4.0, "about 4 times")]
    public void Phrase_Volume_SaysTheShareOfTheMedianAndTheMedian(double ratio, string words)
    {
        var phrase = RetainedLevels.Phrase(Comments, 140 * ratio, 140, "retained Business accounts");

        Assert.StartsWith("(" + words, phrase, StringComparison.Ordinal);
        Assert.EndsWith("retained Business accounts, 140)", phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Phrase_ScaleOrZeroMedian_GivesTheMedianOnly()
    {
        Assert.Equal("(retained Team accounts: median 4.5)", RetainedLevels.Phrase(PredictorNames.CsatAvg180d, 3, 4.5, "retained Team accounts"));
        Assert.Equal("(retained Team accounts: median 0)", RetainedLevels.Phrase(Comments, 12, 0, "retained Team accounts"));
    }

    [Fact]
    public void For_PlanWithEnoughRetainedRows_ItsOwnElseEveryPlans()
    {
        Assert.Equal((2.0, "retained Team accounts"), Levels().For(PredictorNames.TicketsOpened90d, "Team"));
        Assert.Equal((1.0, "retained accounts"), Levels(teamRows: RetainedLevels.MinimumRows - 1).For(PredictorNames.TicketsOpened90d, "Team"));
        Assert.Equal((1.0, "retained accounts"), Levels().For(PredictorNames.TicketsOpened90d, "Business"));
        Assert.Null(RetainedLevels.None.For(PredictorNames.TicketsOpened90d, "Team"));
    }

    [Fact]
    public void Contradicts_WordsAgainstTheDriver_True()
    {
        // Usage: above what the words call "about the median" is not a risk, none at all or below it not safety.
        Assert.True(RetainedLevels.Contradicts(Comments, 140 * RetainedLevels.AboutTheMedianTo * 1.01, 140, raisesRisk: true));
        Assert.False(RetainedLevels.Contradicts(Comments, 140 * RetainedLevels.AboutTheMedianTo * 0.99, 140, raisesRisk: true));
        Assert.True(RetainedLevels.Contradicts(Comments, 0, 0, raisesRisk: false));
        Assert.True(RetainedLevels.Contradicts(Comments, 140 * RetainedLevels.AboutTheMedianFrom * 0.99, 140, raisesRisk: false));
        Assert.False(RetainedLevels.Contradicts(Comments, 140 * RetainedLevels.AboutTheMedianFrom * 1.01, 140, raisesRisk: false));
        // Tickets: the other way round.
        Assert.True(RetainedLevels.Contradicts(PredictorNames.TicketsOpened90d, 0, 2, raisesRisk: true));
        Assert.True(RetainedLevels.Contradicts(PredictorNames.TicketsOpened90d, 5, 2, raisesRisk: false));
        Assert.False(RetainedLevels.Contradicts(PredictorNames.TicketsOpened90d, 5, 2, raisesRisk: true));
        // A scale: CSAT above the median raising the risk reads wrong.
        Assert.True(RetainedLevels.Contradicts(PredictorNames.CsatAvg180d, 5, 4.5, raisesRisk: true));
        Assert.False(RetainedLevels.Contradicts(PredictorNames.CsatAvg180d, 3, 4.5, raisesRisk: true));
    }

    [Fact]
    public void Sentence_LevelOnTheAccountsPlan_NamesItsComparison()
    {
        var predictors = ReasonExample.Predictors(); // Team plan, 5 tickets opened in the last 90 days

        var sentence = ReasonWriter.Sentence(PredictorNames.TicketsOpened90d, predictors, ReasonExample.Settings, Levels());

        Assert.Equal($"{predictors[PredictorNames.TicketsOpened90d]} support tickets opened in the last 90 days (about {predictors[PredictorNames.TicketsOpened90d] / 2:0} times the median of retained Team accounts, 2)", sentence);
        // A trend carries its own comparison (its earlier weeks), and a fact like an urgent ticket needs none.
        Assert.Null(ReasonWriter.Comparison(PredictorNames.WauChange, predictors, ReasonExample.Settings, Levels()));
        Assert.Null(ReasonWriter.Comparison(PredictorNames.UrgentOpen, predictors, ReasonExample.Settings, Levels()));
    }

    [Fact]
    public void Reasons_LevelWhoseComparisonSaysTheOpposite_IsNotShown()
    {
        var predictors = ReasonExample.Predictors(); // CSAT 3 over the last 180 days: below the Team median of 4.5
        var explanation = new ScoreExplanation(0.5, 0, 0,
        [
            new PredictorContribution(PredictorNames.TicketsOpened90d, 0, -0.4), // 5 tickets vs a median of 2 "keeping it safe": hidden
            new PredictorContribution(PredictorNames.CsatAvg180d, 0, -0.3),      // CSAT below the median "keeping it safe": hidden
            new PredictorContribution(PredictorNames.FailedPayments90d, 0, -0.2),
        ]);

        var reasons = ChurnModelWorkflow.Reasons(explanation, predictors, ReasonExample.Settings, Levels(), RiskBand.Low, 3);

        Assert.Equal([PredictorNames.FailedPayments90d], reasons.Select(r => r.Predictor));
    }

    [Fact]
    public void Reasons_TrendWhoseWordsSayTheOpposite_IsNotShown()
    {
        var predictors = ReasonExample.Predictors(); // weekly active users fell from 24 to 7
        var explanation = new ScoreExplanation(0.5, 0, 0,
        [
            new PredictorContribution(PredictorNames.WauChange, 0, -0.5), // "fell" keeping the account safe: hidden
            new PredictorContribution(PredictorNames.FailedPayments90d, 0, -0.2),
        ]);

        Assert.Equal([PredictorNames.FailedPayments90d], ChurnModelWorkflow.Reasons(explanation, predictors, ReasonExample.Settings, Levels(), RiskBand.Low, 3).Select(r => r.Predictor));
        Assert.True(ReasonDirection.Contradicts(PredictorNames.WauChange, predictors, ReasonExample.Settings, Levels(), raisesRisk: false));
        Assert.False(ReasonDirection.Contradicts(PredictorNames.WauChange, predictors, ReasonExample.Settings, Levels(), raisesRisk: true));
        // "Only 1 of 3 key features adopted" is no reason an account is safe; "All 3" would be no risk.
        Assert.True(predictors[PredictorNames.KeyFeaturesAdopted] < 3);
        Assert.True(ReasonDirection.Contradicts(PredictorNames.KeyFeaturesAdopted, predictors, ReasonExample.Settings, Levels(), raisesRisk: false));
        Assert.False(ReasonDirection.Contradicts(PredictorNames.KeyFeaturesAdopted, predictors, ReasonExample.Settings, Levels(), raisesRisk: true));
    }

    [Fact]
    public void Build_RetainedRowsOfTheLastQuarter_MediansPerPlanAndOverall()
    {
        string[] names = [PredictorNames.PlanTier, PredictorNames.TicketsOpened90d, PredictorNames.Mrr];
        var rows = new PredictorRows(names);
        // (day, plan tier, tickets, churned): the first row is older than the quarter, the last churned.
        (int Day, double Tier, double Tickets, sbyte Churn)[] data =
        [
            (0, 2, 50, 0), (200, 2, 1, 0), (210, 2, 3, 0), (220, 2, double.NaN, 0), (230, 3, 7, 0), (240, 2, 9, 1),
        ];
        rows.Append([.. data.SelectMany(d => new[] { d.Tier, d.Tickets, 100.0 })]);
        using var set = new ObservationSet(
            [.. data.Select((_, i) => i)], [.. data.Select(d => d.Day)], rows, [.. data.Select(d => d.Churn)],
            [.. data.Select(_ => (sbyte)-1)], [.. data.Select(_ => 0)], [.. data.Select(_ => 0)]);

        var levels = RetainedLevelsBuilder.Build(set, ReasonExample.Settings);

        var latest = data.Max(d => d.Day);
        var kept = data.Where(d => d.Churn == 0 && d.Day > latest - RetainedLevelsBuilder.ReferenceDays).ToArray();
        static double Median(IEnumerable<double> v) { var s = v.Where(x => !double.IsNaN(x)).Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2; }
        Assert.Equal(Median(kept.Where(d => d.Tier == 2).Select(d => d.Tickets)), levels.Medians["Team"][PredictorNames.TicketsOpened90d]);
        Assert.Equal(Median(kept.Select(d => d.Tickets)), levels.Medians[RetainedLevels.AllPlans][PredictorNames.TicketsOpened90d]);
        Assert.Equal(kept.Count(d => d.Tier == 2), levels.Rows["Team"]);
        Assert.False(levels.Medians["Team"].ContainsKey(PredictorNames.Mrr)); // not a level a reason states
    }
}
