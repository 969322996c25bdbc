using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.Predictors;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>
/// The account the reason tests word: <see cref="PredictorBuilderTests.Example"/>'s account "a" (Team plan, weekly active
/// users down from 24 to 7, urgent tickets open, a ticket opened on day 110), its predictors on a day.
/// </summary>
internal static class ReasonExample
{
    public static readonly PredictorSettings Settings = new(["reports", "api", "exports"], ["Starter", "Team", "Business", "Enterprise"]);

    /// <summary>The account's predictors as of <paramref name="day"/> (default 112).</summary>
    public static AccountPredictors Predictors(int day = 112) =>
        new PredictorBuilder(CompanyTimeline.Build(PredictorBuilderTests.Example().Build(At(200))), Settings).Compute("a", Date(day))!;
}
