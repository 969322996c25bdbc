using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Labels;

/// <summary>Finds when accounts churned from their subscription timelines.</summary>
public static class ChurnEvents
{
    /// <summary>
    /// The instants an account churned: its last active subscription ended and no new one started within
    /// <paramref name="graceDays"/>. Only confirmed churns are returned (end + grace at or before
    /// <paramref name="dataAsOf"/>), since before that a new subscription could still arrive.
    /// </summary>
    /// <remarks>
    /// An end after <paramref name="dataAsOf"/> is a scheduled end the data cannot confirm yet; it counts as running.
    /// A churned account that subscribes again (reactivation) can churn again later.
    /// </remarks>
    public static IReadOnlyList<DateTime> Find(IEnumerable<Subscription> subscriptions, DateTime dataAsOf, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var ordered = subscriptions
            .Where(s => s.StartedAt <= dataAsOf)
            .OrderBy(s => s.StartedAt)
            .ThenBy(s => s.SubscriptionId, StringComparer.Ordinal);
        var churns = new List<DateTime>();
        var grace = TimeSpan.FromDays(graceDays);
        var any = false;
        DateTime? coveredUntil = null; // null = open-ended

        foreach (var s in ordered)
        {
            DateTime? end = s.EndedAt is { } e && e <= dataAsOf ? e : null;
            if (!any)
            {
                any = true;
                coveredUntil = end;
                continue;
            }

            if (coveredUntil is { } until && s.StartedAt > until + grace)
            {
                churns.Add(until);
                coveredUntil = end;
                continue;
            }

            coveredUntil = coveredUntil is null || end is null ? null : Max(coveredUntil.Value, end.Value);
        }

        if (any && coveredUntil is { } last && last + grace <= dataAsOf)
        {
            churns.Add(last);
        }

        return churns;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
