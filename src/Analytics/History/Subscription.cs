namespace ChurnWatch.Analytics.History;

/// <summary>One subscription period of an account (source contract: <c>subscriptions</c>).</summary>
/// <remarks>
/// A plan change, an expansion or a contraction ends one subscription and starts another on the same day, so the
/// history of an account's MRR and seats is the sequence of its subscriptions.
/// </remarks>
/// <param name="SubscriptionId">The source's identifier.</param>
/// <param name="AccountId">The owning account.</param>
/// <param name="Plan">Plan name, for example Starter, Team, Business, Enterprise.</param>
/// <param name="Mrr">Monthly recurring revenue after discounts (prepaid plans: amount / months).</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="BillingPeriodMonths">1 for monthly, 12 for annual.</param>
/// <param name="StartedAt">Start (UTC).</param>
/// <param name="EndedAt">End (UTC), null while active.</param>
/// <param name="RenewalDate">Next contractual renewal date; null for month-to-month.</param>
/// <param name="AutoRenew">Whether the contract renews automatically.</param>
/// <param name="Seats">Seats this subscription licenses, when the source provides it.</param>
public sealed record Subscription(
    string SubscriptionId,
    string AccountId,
    string Plan,
    decimal Mrr,
    string Currency,
    int BillingPeriodMonths,
    DateTime StartedAt,
    DateTime? EndedAt,
    DateOnly? RenewalDate,
    bool AutoRenew,
    int? Seats)
{
    /// <summary>True when the subscription is running at <paramref name="instant"/> (start inclusive, end exclusive).</summary>
    public bool IsActiveAt(DateTime instant) => StartedAt <= instant && (EndedAt is null || EndedAt > instant);
}
