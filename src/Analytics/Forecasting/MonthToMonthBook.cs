using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The month-to-month revenue as it stood at a date: each account running then without a next renewal date, its MRR and
/// churn probability. The complement of <see cref="RenewalBook"/>: together they are every running account once.
/// </summary>
public static class MonthToMonthBook
{
    /// <summary>
    /// One exposure per account active at <paramref name="asOf"/> with no renewal date ahead, weighted by its probability
    /// from <paramref name="churnProbability"/> (null: the account is left out, as an unscored one).
    /// </summary>
    public static IReadOnlyList<MonthToMonthExposure> At(CompanyHistory history, DateOnly asOf, Func<string, double?> churnProbability)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(churnProbability);
        var instant = RenewalBook.Instant(asOf);
        var segments = history.Accounts.ToDictionary(a => a.AccountId, a => a.Segment, StringComparer.Ordinal);
        var exposures = new List<MonthToMonthExposure>();
        foreach (var group in history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var running = group.Where(s => s.IsActiveAt(instant)).ToList();
            if (running.Count == 0 || RenewalLabel.NextRenewal(running, asOf) is not null || churnProbability(group.Key) is not { } p)
                continue;
            exposures.Add(new MonthToMonthExposure(group.Key, running.Sum(s => s.Mrr), p, segments.GetValueOrDefault(group.Key)));
        }

        return exposures;
    }
}
