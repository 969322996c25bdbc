using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Signals;

/// <summary>Builds each active account's <see cref="AccountActivity"/> as of a date, from data strictly before it.</summary>
public static class AccountActivityBuilder
{
    /// <summary>Activity of every account with a subscription active at <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<AccountActivity> Build(CompanyHistory history, DateOnly asOf, IReadOnlyCollection<string> keyFeatures)
    {
        ArgumentNullException.ThrowIfNull(history);
        var instant = asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var firstWeek = asOf.AddDays(-7 * AccountActivity.Weeks);
        var weekly = history.UsageWeeks
            .Where(w => w.Feature == UsageWeek.AllFeatures && w.WeekStart >= firstWeek && w.WeekStart.AddDays(7) <= asOf)
            .ToLookup(w => w.AccountId);
        var days = history.UsageDays.Where(d => d.Day < asOf).ToLookup(d => d.AccountId);
        var keys = keyFeatures.ToHashSet(StringComparer.Ordinal);
        var seatsToday = history.Accounts.ToDictionary(a => a.AccountId, a => a.SeatsLicensed, StringComparer.Ordinal);

        var result = new List<AccountActivity>();
        foreach (var subscriptions in history.Subscriptions.GroupBy(s => s.AccountId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var active = subscriptions.Where(s => s.IsActiveAt(instant)).ToList();
            if (active.Count == 0)
            {
                continue;
            }

            var since = SubscribedSince(subscriptions.Where(s => s.StartedAt < instant).ToList(), active);
            var seats = active.Sum(s => s.Seats ?? (seatsToday.TryGetValue(s.AccountId, out var today) ? today : 0));
            var series = new int[AccountActivity.Weeks];
            foreach (var week in weekly[subscriptions.Key])
            {
                series[(week.WeekStart.DayNumber - firstWeek.DayNumber) / 7] = week.ActiveUsers;
            }

            var accountDays = days[subscriptions.Key].ToList();
            DateOnly? last = accountDays.Count == 0 ? null : accountDays.Max(d => d.Day);
            DateOnly? firstKey = accountDays.Where(d => d.Day >= since && keys.Contains(d.Feature)).Select(d => (DateOnly?)d.Day).Min();
            result.Add(new AccountActivity(subscriptions.Key, asOf, since, seats, series, last, firstKey));
        }

        return result;
    }

    // Walks back from the active subscriptions through subscriptions that start where an earlier one ends
    // (plan changes, renewals), to the start of the current relationship.
    private static DateOnly SubscribedSince(List<Subscription> started, List<Subscription> active)
    {
        var since = active.Min(s => s.StartedAt);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in started)
            {
                if (s.StartedAt < since && s.EndedAt is { } end && end >= since.AddDays(-1))
                {
                    since = s.StartedAt;
                    changed = true;
                }
            }
        }

        return DateOnly.FromDateTime(since);
    }
}
