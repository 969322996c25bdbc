namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// How much the accounts on each plan use the product at a date (median weekly active users of the last 4 weeks),
/// and which plan is the next one up, for the plan-fit rule.
/// </summary>
public sealed class PlanUsageProfile
{
    private readonly Dictionary<string, double> _medianUsers;
    private readonly IReadOnlyList<string> _tiers;

    private PlanUsageProfile(Dictionary<string, double> medianUsers, IReadOnlyList<string> tiers) => (_medianUsers, _tiers) = (medianUsers, tiers);

    /// <summary>Medians over <paramref name="accounts"/>; <paramref name="planTiers"/> lists the plans from the smallest up.</summary>
    public static PlanUsageProfile Build(IEnumerable<AccountActivity> accounts, IReadOnlyList<string> planTiers)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return Build(accounts.Where(a => a.Plan is not null).Select(a => (a.Plan!, a.RecentWeeklyUsers)), planTiers);
    }

    /// <summary>The same from each account's plan and <see cref="AccountActivity.RecentWeeklyUsers"/> alone (gathered batch by batch).</summary>
    public static PlanUsageProfile Build(IEnumerable<(string Plan, double RecentWeeklyUsers)> accounts, IReadOnlyList<string> planTiers)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(planTiers);
        var medians = accounts
            .GroupBy(a => a.Plan, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Median(g.Select(a => a.RecentWeeklyUsers).ToList()), StringComparer.OrdinalIgnoreCase);
        return new PlanUsageProfile(medians, planTiers);
    }

    /// <summary>The next plan up from <paramref name="plan"/> and the median usage of its accounts; null on the top plan, an unknown plan, or a plan nobody is on.</summary>
    public (string Plan, double MedianWeeklyUsers)? NextUp(string? plan)
    {
        var tier = -1;
        for (var i = 0; i < _tiers.Count; i++)
        {
            if (string.Equals(_tiers[i], plan, StringComparison.OrdinalIgnoreCase))
            {
                tier = i;
            }
        }

        if (tier < 0 || tier + 1 >= _tiers.Count || !_medianUsers.TryGetValue(_tiers[tier + 1], out var median))
        {
            return null;
        }

        return (_tiers[tier + 1], median);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
