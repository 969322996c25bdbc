using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Adoption;

/// <summary>
/// Feature use per period x feature x group of customers, for product managers: how many customers use a feature,
/// how intensely, and whether those who use it churn less than those who do not.
/// </summary>
public static class FeatureUsageSummary
{
    /// <summary>The churn window after a period, in days (the and the churn model's horizon).</summary>
    public const int ChurnHorizonDays = 90;

    /// <summary>The group name of <see cref="UsageGrouping.All"/>.</summary>
    public const string AllGroup = "all";

    /// <summary>
    /// One row per period x group x feature, for every period holding a day of <paramref name="from"/> to
    /// <paramref name="to"/> (each computed whole), every group with customers in the period, and every feature used
    /// in any of the periods, so a feature nobody in a group used shows as 0 rather than a missing row.
    /// </summary>
    /// <param name="history">The company's history.</param>
    /// <param name="from">First day of interest.</param>
    /// <param name="to">Last day of interest (inclusive).</param>
    /// <param name="grain">Weeks or months.</param>
    /// <param name="by">How customers are grouped.</param>
    /// <param name="graceDays">The churn definition's grace period: a new subscription within it is not churn.</param>
    public static IReadOnlyList<FeatureUsagePeriod> Compute(CompanyHistory history, DateOnly from, DateOnly to, UsageGrain grain, UsageGrouping by, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (to < from)
            throw new ArgumentException($"The last day ({to:yyyy-MM-dd}) is before the first ({from:yyyy-MM-dd}).", nameof(to));
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);

        var periods = Periods(from, to, grain);
        var firstWeek = periods[0].Weeks[0];
        var lastWeek = periods[^1].Weeks[^1];
        var weeks = history.UsageWeeks
            .Where(w => w.Feature != UsageWeek.AllFeatures && w.WeekStart >= firstWeek && w.WeekStart <= lastWeek)
            .ToLookup(w => w.WeekStart);
        var features = weeks.SelectMany(g => g).Select(w => w.Feature).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var accounts = history.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var subscriptions = history.Subscriptions.Where(s => s.Mrr > 0).ToLookup(s => s.AccountId, StringComparer.Ordinal);
        var churns = history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ChurnEvents.Find(g, history.DataAsOf, graceDays), StringComparer.Ordinal);

        var rows = new List<FeatureUsagePeriod>();
        foreach (var period in periods)
        {
            var start = Instant(period.Start);
            var end = Instant(period.EndExclusive);
            var churnKnown = end.AddDays(ChurnHorizonDays + graceDays) <= history.DataAsOf;

            // The customers of the period and their group; usage of anyone else is left out, so adoption stays a share.
            var customers = new Dictionary<string, (string Group, bool AtEnd, bool Churned)>(StringComparer.Ordinal);
            foreach (var group in subscriptions)
            {
                var running = group.Where(s => s.StartedAt < end && (s.EndedAt is null || s.EndedAt > start)).ToList();
                if (running.Count == 0 || !accounts.TryGetValue(group.Key, out var account))
                    continue;
                var atEnd = running.Any(s => s.IsActiveAt(end.AddTicks(-1)));
                var churned = churns.TryGetValue(group.Key, out var c) && c.Any(t => t >= end && t < end.AddDays(ChurnHorizonDays));
                customers[group.Key] = (GroupOf(account, running, by), atEnd, churned);
            }

            var usage = new Dictionary<(string Account, string Feature), (long Events, long UserWeeks)>();
            foreach (var week in period.Weeks)
            {
                foreach (var w in weeks[week])
                {
                    if (!customers.ContainsKey(w.AccountId) || (w.Events <= 0 && w.ActiveUsers <= 0))
                        continue;
                    var key = (w.AccountId, w.Feature);
                    var sum = usage.GetValueOrDefault(key);
                    usage[key] = (sum.Events + Math.Max(0, w.Events), sum.UserWeeks + Math.Max(0, w.ActiveUsers));
                }
            }

            // Usage of a month runs to the Sunday of its last week, which can be in the next month.
            var complete = end <= history.DataAsOf && Instant(period.Weeks[^1].AddDays(7)) <= history.DataAsOf;
            foreach (var group in customers.GroupBy(c => c.Value.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var members = group.ToList();
                foreach (var feature in features)
                {
                    int active = 0, baseUsers = 0, baseNonUsers = 0, churnedUsers = 0, churnedNonUsers = 0;
                    long events = 0, userWeeks = 0;
                    foreach (var (accountId, info) in members)
                    {
                        var used = usage.TryGetValue((accountId, feature), out var u);
                        if (used)
                        {
                            active++;
                            events += u.Events;
                            userWeeks += u.UserWeeks;
                        }

                        if (!info.AtEnd)
                            continue;
                        if (used)
                        {
                            baseUsers++;
                            churnedUsers += info.Churned ? 1 : 0;
                        }
                        else
                        {
                            baseNonUsers++;
                            churnedNonUsers += info.Churned ? 1 : 0;
                        }
                    }

                    rows.Add(new FeatureUsagePeriod(
                        period.Start,
                        period.EndExclusive.AddDays(-1),
                        grain,
                        by,
                        group.Key,
                        feature,
                        members.Count,
                        active,
                        (double)userWeeks / period.Weeks.Count,
                        events,
                        baseUsers,
                        baseNonUsers,
                        Share(churnKnown, churnedUsers, baseUsers),
                        Share(churnKnown, churnedNonUsers, baseNonUsers),
                        complete));
                }
            }
        }

        return rows;
    }

    private static double? Share(bool known, int churned, int total) => known && total > 0 ? (double)churned / total : null;

    private static string GroupOf(Account account, List<Subscription> running, UsageGrouping by) => by switch
    {
        UsageGrouping.Plan => running.OrderByDescending(s => s.Mrr).ThenBy(s => s.SubscriptionId, StringComparer.Ordinal).First().Plan,
        UsageGrouping.Segment => account.Segment,
        UsageGrouping.Account => account.AccountId,
        _ => AllGroup,
    };

    private static List<(DateOnly Start, DateOnly EndExclusive, List<DateOnly> Weeks)> Periods(DateOnly from, DateOnly to, UsageGrain grain)
    {
        var periods = new List<(DateOnly, DateOnly, List<DateOnly>)>();
        if (grain == UsageGrain.Week)
        {
            for (var monday = ObservationCalendar.MondayOnOrBefore(from); monday <= to; monday = monday.AddDays(7))
            {
                periods.Add((monday, monday.AddDays(7), [monday]));
            }

            return periods;
        }

        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var weeks = new List<DateOnly>();
            for (var monday = ObservationCalendar.MondayOnOrAfter(month); monday < month.AddMonths(1); monday = monday.AddDays(7))
            {
                weeks.Add(monday);
            }

            periods.Add((month, month.AddMonths(1), weeks));
        }

        return periods;
    }

    private static DateTime Instant(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
