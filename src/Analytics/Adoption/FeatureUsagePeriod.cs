namespace ChurnWatch.Analytics.Adoption;

/// <summary>Use of one feature by one group of customers in one period (docs/exports.md, feature_usage_summary).</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Grain">Week or month.</param>
/// <param name="GroupBy">What the groups are.</param>
/// <param name="Group">The group: <c>all</c>, a plan, a segment or an account id.</param>
/// <param name="Feature">Feature name as the source reports it.</param>
/// <param name="Customers">Accounts of the group with a paid subscription running at some time in the period.</param>
/// <param name="ActiveAccounts">Of those, accounts that used the feature in the period.</param>
/// <param name="ActiveUsers">Distinct weekly users of the feature, summed over accounts; for a month, the average over its weeks.</param>
/// <param name="Events">Sum of event quantities of the feature in the period.</param>
/// <param name="ChurnBaseUsers">Accounts that used the feature and were still customers at the end of the period.</param>
/// <param name="ChurnBaseNonUsers">Accounts that did not use it and were still customers at the end of the period.</param>
/// <param name="ChurnShareUsers">Share of <paramref name="ChurnBaseUsers"/> that churned within 90 days after the period; null until knowable or without accounts.</param>
/// <param name="ChurnShareNonUsers">The same for <paramref name="ChurnBaseNonUsers"/>.</param>
/// <param name="Complete">False when the data ends before the period does.</param>
public sealed record FeatureUsagePeriod(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    UsageGrain Grain,
    UsageGrouping GroupBy,
    string Group,
    string Feature,
    int Customers,
    int ActiveAccounts,
    double ActiveUsers,
    long Events,
    int ChurnBaseUsers,
    int ChurnBaseNonUsers,
    double? ChurnShareUsers,
    double? ChurnShareNonUsers,
    bool Complete)
{
    /// <summary>Active accounts / customers; null without customers.</summary>
    public double? AdoptionRate => Customers == 0 ? null : (double)ActiveAccounts / Customers;

    /// <summary>Events / active users; null without users.</summary>
    public double? EventsPerActiveUser => ActiveUsers <= 0 ? null : Events / ActiveUsers;
}
