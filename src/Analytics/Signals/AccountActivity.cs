namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// The facts the signal rules look at for one account as of a date, all computed from data strictly before it.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="AsOf">The observation date.</param>
/// <param name="SubscribedSince">Start of the account's current uninterrupted run of subscriptions.</param>
/// <param name="Seats">Seats licensed by the subscriptions active at the date; 0 when the company sells no seats (<see cref="Predictors.CompanyShape.LicensesSeats"/>).</param>
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

    /// <summary>Plan of the largest active subscription; null when unknown.</summary>
    public string? Plan { get; init; }

    /// <summary>The next contractual renewal of an active subscription on or after the date; null for month-to-month.</summary>
    public DateOnly? RenewalDate { get; init; }

    /// <summary>Tickets; null when the company does not provide tickets (support rules then find nothing).</summary>
    public SupportFacts? Support { get; init; }

    /// <summary>Invoices, payments and MRR; null when unknown (billing rules then find nothing).</summary>
    public BillingFacts? Billing { get; init; }

    /// <summary>Model scores; null before scoring (renewal, risk-jump and plan-fit rules then find nothing).</summary>
    public ScoreFacts? Score { get; init; }

    /// <summary>Mean weekly active users of the last 4 weeks.</summary>
    public double RecentWeeklyUsers => WeeklyActiveUsers.Skip(WeeklyActiveUsers.Count - 4).DefaultIfEmpty(0).Average();
}
