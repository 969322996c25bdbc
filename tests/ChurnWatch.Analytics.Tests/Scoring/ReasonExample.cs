using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Tests.Features;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>
/// The account the reason tests word: <see cref="FeatureBuilderTests.Example"/>'s account "a" (Team plan, weekly active
/// users down from 24 to 7, urgent tickets open, a ticket opened on day 110), its features on a day.
/// </summary>
internal static class ReasonExample
{
    public static readonly FeatureSettings Settings = new(["reports", "api", "exports"], ["Starter", "Team", "Business", "Enterprise"]);

    /// <summary>The account's features as of <paramref name="day"/> (default 112).</summary>
    public static AccountFeatures Features(int day = 112) =>
        new FeatureBuilder(CompanyTimeline.Build(FeatureBuilderTests.Example().Build(At(200))), Settings).Compute("a", Date(day))!;
}
