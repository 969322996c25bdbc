namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// The facts the signal rules look at for one account as of a date, all computed from data strictly before it.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="AsOf">The observation date.</param>
/// <param name="SubscribedSince">Start of the account's current uninterrupted run of subscriptions.</param>
/// <param name="Seats">Seats licensed by the subscriptions active at the date.</param>
/// <param name="WeeklyActiveUsers">Distinct users per week for the 12 weeks before the date, oldest first (0 for a week with none).</param>
/// <param name="LastActivity">The last day with any usage, null if none.</param>
/// <param name="FirstKeyFeatureUse">The first day a key feature was used since <paramref name="SubscribedSince"/>, null if never.</param>
public sealed record AccountActivity(
    string AccountId,
    DateOnly AsOf,
    DateOnly SubscribedSince,
    int Seats,
    IReadOnlyList<int> WeeklyActiveUsers,
    DateOnly? LastActivity,
    DateOnly? FirstKeyFeatureUse)
{
    /// <summary>Weeks of history the rules need: the last 4 against the 8 before.</summary>
    public const int Weeks = 12;
}
