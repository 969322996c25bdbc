namespace ChurnWatch.Analytics.History;

/// <summary>
/// Distinct active users of an account in one week (Monday to Sunday, UTC), for all features together
/// (<see cref="Feature"/> is <see cref="AllFeatures"/>) or for one feature.
/// </summary>
/// <remarks>Distinct users do not add up across days or features, so the source computes them per week.</remarks>
/// <param name="AccountId">The account.</param>
/// <param name="Feature">A feature name, or <see cref="AllFeatures"/>.</param>
/// <param name="WeekStart">The Monday the week starts on.</param>
/// <param name="Events">Sum of event quantities in the week.</param>
/// <param name="ActiveUsers">Distinct users in the week.</param>
public sealed record UsageWeek(string AccountId, string Feature, DateOnly WeekStart, long Events, int ActiveUsers)
{
    /// <summary>The feature name that stands for "any feature" (account-level weekly active users).</summary>
    public const string AllFeatures = "*";
}
