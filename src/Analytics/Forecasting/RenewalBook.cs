using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The contracts coming up for renewal as they stood at a date: each account with a subscription running then, its
/// next renewal anniversary on or after the date, and its ARR then. The same function serves today's forecast and the
/// forecasts the backtest replays at past dates, so both count renewals the same way.
/// </summary>
public static class RenewalBook
{
    /// <summary>
    /// One exposure per account active at <paramref name="asOf"/> with a next renewal date (month-to-month accounts
    /// have none), weighted by its probability from <paramref name="renewalProbability"/> (null: the account is left out).
    /// </summary>
    public static IReadOnlyList<RenewalExposure> At(CompanyHistory history, DateOnly asOf, Func<string, double?> renewalProbability)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(renewalProbability);
        var instant = Instant(asOf);
        var segments = history.Accounts.ToDictionary(a => a.AccountId, a => a.Segment, StringComparer.Ordinal);
        var exposures = new List<RenewalExposure>();
        foreach (var group in history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var running = group.Where(s => s.IsActiveAt(instant)).ToList();
            if (running.Count == 0 || RenewalLabel.NextRenewal(running, asOf) is not { } renewal || renewalProbability(group.Key) is not { } p)
                continue;
            exposures.Add(new RenewalExposure(group.Key, renewal, 12 * running.Sum(s => s.Mrr), p, segments.GetValueOrDefault(group.Key)));
        }

        return exposures;
    }

    /// <summary>
    /// Whether the account renewed the contract due on <paramref name="renewalDate"/>: it is a customer at the renewal
    /// date + the grace period (the renewal model's label). Null while that moment is after the data.
    /// </summary>
    public static bool? Renewed(IEnumerable<Subscription> subscriptions, DateOnly renewalDate, int graceDays, DateTime dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var decided = Instant(renewalDate).AddDays(graceDays);
        return decided > dataAsOf ? null : subscriptions.Any(s => s.IsActiveAt(decided));
    }

    internal static DateTime Instant(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
