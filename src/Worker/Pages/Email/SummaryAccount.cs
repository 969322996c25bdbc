namespace ChurnWatch.Worker.Pages.Email;

/// <summary>One account as the weekly email lists it. Public, as every type a Razor component takes must be.</summary>
/// <param name="AccountId">The source's identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Plan">Current plan.</param>
/// <param name="Arr">Annual recurring revenue.</param>
/// <param name="ChurnProbability">Calibrated churn probability, 0 to 1.</param>
/// <param name="Band">Risk band in words: "high", "medium" or "low".</param>
/// <param name="ArrAtRisk">ARR x churn probability.</param>
/// <param name="TopReason">The strongest reason, or null when there is none.</param>
/// <param name="Change">Change of the churn probability since last week; null when not scored last week.</param>
/// <param name="RenewalDate">Next contractual renewal; null for month-to-month.</param>
/// <param name="RenewalProbability">Probability that the renewal happens; null without a renewal date.</param>
/// <param name="ReasonProtects"><paramref name="TopReason"/> says why the account is safe rather than why it is at risk.</param>
/// <param name="Context">What the account is: contract, plan, tenure, renewal.</param>
/// <param name="NextStep">The suggested next step; null where the reasons suggest none.</param>
/// <param name="Changed">What moved the churn probability most since a week earlier; null when nothing did.</param>
public sealed record SummaryAccount(
    string AccountId,
    string Name,
    string Plan,
    decimal Arr,
    double ChurnProbability,
    string Band,
    decimal ArrAtRisk,
    string? TopReason,
    double? Change,
    DateOnly? RenewalDate,
    double? RenewalProbability,
    bool ReasonProtects,
    string Context,
    string? NextStep,
    string? Changed = null);
