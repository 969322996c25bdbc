using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Adoption;

/// <summary>
/// Feature use per period x feature x group of customers, for product managers: how many customers use a feature,
/// how intensely, and whether those who use it churn less than those who do not.
/// </summary>
public static class FeatureUsageSummary
{
    /// <summary>The churn window after a period, in days (the churn model's horizon, so both speak of one churn).</summary>
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
        return Compute(history, history.UsageWeeks.OrderBy(w => w.WeekStart), from, to, grain, by, graceDays);
    }

    /// <summary>
    /// The weeks whose usage the periods holding <paramref name="from"/> to <paramref name="to"/> read: the first
    /// period's first Monday to the last period's last Monday.
    /// </summary>
    public static (DateOnly FirstWeek, DateOnly LastWeek) WeekRange(DateOnly from, DateOnly to, UsageGrain grain)
    {
        var periods = Periods(from, to, grain);
        return (periods[0].Weeks[0], periods[^1].Weeks[^1]);
    }

    /// <summary>How many weeks or months hold a day of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int PeriodsIn(DateOnly from, DateOnly to, UsageGrain grain) => Periods(from, to, grain).Count;

    /// <summary>
    /// The same from a company's ledger (accounts and subscriptions; its usage is not read) and its per-feature weekly
    /// usage as a stream in week order (the store's, read as it goes, with rows of other weeks skipped). The features are
    /// known only once every week has been read, so every period's totals are held until then: by account that is about
    /// as large as the rows. <see cref="Stream"/> holds one period at a time.
    /// </summary>
    public static IReadOnlyList<FeatureUsagePeriod> Compute(CompanyHistory ledger, IEnumerable<UsageWeek> weeks, DateOnly from, DateOnly to, UsageGrain grain, UsageGrouping by, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(weeks);
        var features = new SortedSet<string>(StringComparer.Ordinal);
        var totals = Totals(ledger, weeks, from, to, by, graceDays, grain, features).ToList();
        return [.. totals.SelectMany(t => Rows(t, features, grain, by))];
    }

    /// <summary>
    /// The rows of <see cref="Compute(CompanyHistory, IEnumerable{UsageWeek}, DateOnly, DateOnly, UsageGrain, UsageGrouping, int)"/>,
    /// in the same order, produced one period at a time as <paramref name="weeks"/> is read: memory holds one period's
    /// totals, whatever the span and the number of accounts. The caller names the features (those with usage in the
    /// weeks the periods read, <see cref="WeekRange"/>); a week of another feature is left out.
    /// </summary>
    public static IEnumerable<FeatureUsagePeriod> Stream(
        CompanyHistory ledger, IEnumerable<UsageWeek> weeks, IReadOnlyCollection<string> features, DateOnly from, DateOnly to, UsageGrain grain, UsageGrouping by, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(features);
        var named = new SortedSet<string>(features, StringComparer.Ordinal);
        return Totals(ledger, weeks.Where(w => named.Contains(w.Feature)), from, to, by, graceDays, grain, seen: null).SelectMany(t => Rows(t, named, grain, by));
    }

    /// <summary>
    /// Each period's customers and usage by group, one period at a time, as the weeks are read; the features seen are
    /// added to <paramref name="seen"/> when given.
    /// </summary>
    private static IEnumerable<PeriodTotals> Totals(
        CompanyHistory ledger, IEnumerable<UsageWeek> weeks, DateOnly from, DateOnly to, UsageGrouping by, int graceDays, UsageGrain grain, SortedSet<string>? seen)
    {
        if (to < from)
            throw new ArgumentException($"The last day ({to:yyyy-MM-dd}) is before the first ({from:yyyy-MM-dd}).", nameof(to));
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        return Iterate();

        // An iterator of its own, so that the checks above fail at the call, not at the first row read.
        IEnumerable<PeriodTotals> Iterate()
        {
            var periods = Periods(from, to, grain);
            var accounts = ledger.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
            var subscriptions = ledger.Subscriptions.Where(s => s.Mrr > 0).ToLookup(s => s.AccountId, StringComparer.Ordinal);
            var churns = ledger.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ChurnEvents.Find(g, ledger.DataAsOf, graceDays), StringComparer.Ordinal);

            // Periods are consecutive runs of Mondays, so one pass over the weeks in order fills them one after another;
            // each period keeps only its per-group totals.
            using var week = weeks.Where(w => w.Feature != UsageWeek.AllFeatures).GetEnumerator();
            var more = week.MoveNext();
            foreach (var period in periods)
            {
                var start = Instant(period.Start);
                var end = Instant(period.EndExclusive);

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
                for (; more && week.Current.WeekStart <= period.Weeks[^1]; more = week.MoveNext())
                {
                    var w = week.Current;
                    if (w.WeekStart < period.Weeks[0])
                        continue;
                    seen?.Add(w.Feature);
                    if (!customers.ContainsKey(w.AccountId) || (w.Events <= 0 && w.ActiveUsers <= 0))
                        continue;
                    var key = (w.AccountId, w.Feature);
                    var sum = usage.GetValueOrDefault(key);
                    usage[key] = (sum.Events + Math.Max(0, w.Events), sum.UserWeeks + Math.Max(0, w.ActiveUsers));
                }

                var groups = new SortedDictionary<string, GroupTotals>(StringComparer.Ordinal);
                foreach (var (accountId, info) in customers)
                {
                    if (!groups.TryGetValue(info.Group, out var group))
                        groups[info.Group] = group = new GroupTotals();
                    group.Customers++;
                    group.AtEnd += info.AtEnd ? 1 : 0;
                    group.ChurnedAtEnd += info.AtEnd && info.Churned ? 1 : 0;
                }

                foreach (var ((accountId, feature), u) in usage)
                {
                    var info = customers[accountId];
                    var users = groups[info.Group].Users;
                    var t = users.GetValueOrDefault(feature);
                    users[feature] = t with
                    {
                        Active = t.Active + 1,
                        Events = t.Events + u.Events,
                        UserWeeks = t.UserWeeks + u.UserWeeks,
                        BaseUsers = t.BaseUsers + (info.AtEnd ? 1 : 0),
                        ChurnedUsers = t.ChurnedUsers + (info.AtEnd && info.Churned ? 1 : 0),
                    };
                }

                yield return new PeriodTotals(period.Start, period.EndExclusive, period.Weeks.Count,
                    // Usage of a month runs to the Sunday of its last week, which can be in the next month.
                    end <= ledger.DataAsOf && Instant(period.Weeks[^1].AddDays(7)) <= ledger.DataAsOf,
                    end.AddDays(ChurnHorizonDays + graceDays) <= ledger.DataAsOf,
                    groups);
            }
        }
    }

    /// <summary>A period's rows: per group, per feature (0 for a feature the group did not use).</summary>
    private static IEnumerable<FeatureUsagePeriod> Rows(PeriodTotals period, IEnumerable<string> features, UsageGrain grain, UsageGrouping by)
    {
        foreach (var (group, members) in period.Groups)
        {
            foreach (var feature in features)
            {
                var used = members.Users.GetValueOrDefault(feature);
                var baseNonUsers = members.AtEnd - used.BaseUsers;
                yield return new FeatureUsagePeriod(
                    period.Start,
                    period.EndExclusive.AddDays(-1),
                    grain,
                    by,
                    group,
                    feature,
                    members.Customers,
                    used.Active,
                    (double)used.UserWeeks / period.Weeks,
                    used.Events,
                    used.BaseUsers,
                    baseNonUsers,
                    Share(period.ChurnKnown, used.ChurnedUsers, used.BaseUsers),
                    Share(period.ChurnKnown, members.ChurnedAtEnd - used.ChurnedUsers, baseNonUsers),
                    period.Complete);
            }
        }
    }

    /// <summary>A period's customers by group, counted as its weeks were read.</summary>
    private sealed record PeriodTotals(DateOnly Start, DateOnly EndExclusive, int Weeks, bool Complete, bool ChurnKnown, SortedDictionary<string, GroupTotals> Groups);

    /// <summary>A group's customers in a period, and per feature used, its users' totals.</summary>
    private sealed class GroupTotals
    {
        public int Customers { get; set; }

        /// <summary>Customers still paying at the period's end: the base of the churn comparison.</summary>
        public int AtEnd { get; set; }

        public int ChurnedAtEnd { get; set; }

        public Dictionary<string, FeatureTotals> Users { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One feature's users in a group and period.</summary>
    private readonly record struct FeatureTotals(int Active, long Events, long UserWeeks, int BaseUsers, int ChurnedUsers);

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
