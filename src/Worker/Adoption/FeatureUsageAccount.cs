using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Adoption;

/// <summary>The account attributes the feature-usage export repeats on every row, so product managers can cut by them.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name">Display name.</param>
/// <param name="Segment">Customer segment.</param>
/// <param name="Plan">Current plan.</param>
/// <param name="Seats">Seats licensed; null when unknown.</param>
internal sealed record FeatureUsageAccount(string AccountId, string Name, string Segment, string Plan, int? Seats)
{
    /// <summary>From an account and the plan of its current subscription.</summary>
    public static FeatureUsageAccount From(Account account, string plan)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new FeatureUsageAccount(account.AccountId, account.Name, account.Segment, plan, account.SeatsLicensed);
    }
}
