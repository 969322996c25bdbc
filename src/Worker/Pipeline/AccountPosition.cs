using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>One active account's commercial position at a date.</summary>
/// <param name="Account">The account.</param>
/// <param name="Plan">Plan of its largest active subscription.</param>
/// <param name="Mrr">Sum of active subscriptions' MRR.</param>
/// <param name="Arr">12 x MRR.</param>
/// <param name="Seats">Seats licensed by active subscriptions.</param>
/// <param name="RenewalDate">Next contractual renewal on or after the date; null for month-to-month.</param>
internal sealed record AccountPosition(Account Account, string Plan, decimal Mrr, decimal Arr, int Seats, DateOnly? RenewalDate);
