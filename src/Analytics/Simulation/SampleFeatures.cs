namespace ChurnWatch.Analytics.Simulation;

/// <summary>The product features of the sample company.</summary>
public static class SampleFeatures
{
    /// <summary>Every feature, in catalogue order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "dashboards", "integrations", "workflows", "reports", "alerts",
        "exports", "comments", "api", "mobile", "sso",
    ];

    /// <summary>
    /// The three features onboarding is judged by: an account that has not adopted at least two of them within its
    /// first weeks was onboarded badly.
    /// </summary>
    public static IReadOnlyList<string> Key { get; } = ["dashboards", "integrations", "workflows"];
}
