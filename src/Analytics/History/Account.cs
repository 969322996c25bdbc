namespace ChurnWatch.Analytics.History;

/// <summary>A customer company, as the source contract's <c>accounts</c> table describes it.</summary>
/// <param name="AccountId">The source's own identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="OwnerEmail">The account manager who owns the account.</param>
/// <param name="Segment">Customer segment, for example SMB, MidMarket or Enterprise.</param>
/// <param name="Region">Sales region.</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="SeatsLicensed">
/// Seats licensed today. This is the current value, so models never use it for past observation dates:
/// they take seats from the subscriptions active at the date.
/// </param>
public sealed record Account(
    string AccountId,
    string Name,
    string OwnerEmail,
    string Segment,
    string Region,
    DateTime CreatedAt,
    int SeatsLicensed);
