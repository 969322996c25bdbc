using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// Builds each active account's <see cref="AccountActivity"/> as of a date, from data strictly before it. It reads the
/// per-account index of <see cref="CompanyTimeline"/> (the same weekly active users the predictors use), so replaying
/// many dates never rescans the raw history.
/// </summary>
public static class AccountActivityBuilder
{
    /// <summary>
    /// An open ticket's SLA flag and tier are its state when the data was read. They count at a date only when the data
    /// was read within this many days after it (the live run scores the last complete week); a replay of older dates
    /// sees them only on tickets resolved before the date, whose state was final by then.
    /// </summary>
    public const int OpenTicketStateDays = 7;

    /// <summary>Activity of every account with a subscription active at <paramref name="asOf"/>, with default windows.</summary>
    public static IReadOnlyList<AccountActivity> Build(CompanyHistory history, DateOnly asOf, IReadOnlyCollection<string> keyFeatures) =>
        Build(CompanyTimeline.Build(history), asOf, keyFeatures, new SignalOptions());

    /// <summary>
    /// Activity of every account with a subscription active at <paramref name="asOf"/>, ordinal order of identifiers:
    /// usage, plan, support and billing facts (the windows come from <paramref name="options"/>); scores are added
    /// by the caller with <see cref="AccountActivity.Score"/>.
    /// </summary>
    public static IReadOnlyList<AccountActivity> Build(CompanyTimeline timeline, DateOnly asOf, IReadOnlyCollection<string> keyFeatures, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(keyFeatures);
        ArgumentNullException.ThrowIfNull(options);
        var instant = ObservationCalendar.Instant(asOf);
        var openTicketStateKnown = timeline.History.DataAsOf - instant <= TimeSpan.FromDays(OpenTicketStateDays);
        var keyColumns = KeyColumns(timeline, keyFeatures);
        var result = new List<AccountActivity>();
        foreach (var account in timeline.Timelines)
        {
            var active = account.Subscriptions.Where(s => s.IsActiveAt(instant)).ToList();
            if (active.Count == 0)
            {
                continue;
            }

            var since = SubscribedSince(account.Subscriptions.Where(s => s.StartedAt < instant).ToList(), active);
            // Without seats for sale (every count 1), seat saturation would flag every account with a second user.
            var seats = timeline.Shape.LicensesSeats ? active.Sum(s => s.Seats ?? account.Account.SeatsLicensed) : 0;
            var lastIndex = AccountTimeline.LowerBound(account.ActiveDays, asOf.DayNumber) - 1;
            DateOnly? last = lastIndex >= 0 ? DateOnly.FromDayNumber(account.ActiveDays[lastIndex]) : null;
            var plan = active.OrderByDescending(s => s.Mrr).ThenBy(s => s.SubscriptionId, StringComparer.Ordinal).First().Plan;
            result.Add(new AccountActivity(account.Account.AccountId, asOf, since, seats, WeeklyUsers(timeline, account, asOf), last,
                FirstKeyUse(account, keyColumns, since, asOf))
            {
                Plan = plan,
                RenewalDate = active.Where(s => s.RenewalDate >= asOf).Select(s => s.RenewalDate).Min(),
                Support = account.Tickets is { } tickets ? Support(tickets, instant, openTicketStateKnown, options) : null,
                Billing = Billing(account, active, instant, options),
            });
        }

        return result;
    }

    private static int[] KeyColumns(CompanyTimeline timeline, IReadOnlyCollection<string> keyFeatures)
    {
        var columns = new List<int>();
        for (var f = 0; f < timeline.UsageFeatures.Count; f++)
        {
            if (keyFeatures.Contains(timeline.UsageFeatures[f], StringComparer.Ordinal))
            {
                columns.Add(timeline.UsageColumnOfFeature[f]);
            }
        }

        return [.. columns.Distinct()];
    }

    // The 12 full Monday weeks before the date, oldest first.
    private static int[] WeeklyUsers(CompanyTimeline timeline, AccountTimeline account, DateOnly asOf)
    {
        var series = new int[AccountActivity.Weeks];
        if (timeline.WeekOriginDay is not { } origin)
        {
            return series;
        }

        var lastMonday = ObservationCalendar.MondayOnOrBefore(asOf.DayNumber - 7);
        var prefix = account.WeeklyUsersPrefix;
        for (var i = 0; i < AccountActivity.Weeks; i++)
        {
            var week = (lastMonday - (7 * (AccountActivity.Weeks - 1 - i)) - origin) / 7;
            if (week >= 0 && week < timeline.WeekCount && week + 1 < prefix.Length)
            {
                series[i] = (int)(prefix[week + 1] - prefix[week]);
            }
        }

        return series;
    }

    private static DateOnly? FirstKeyUse(AccountTimeline account, int[] keyColumns, DateOnly since, DateOnly asOf)
    {
        int? first = null;
        foreach (var column in keyColumns)
        {
            if (column >= account.ColumnDays.Length)
            {
                continue;
            }

            var days = account.ColumnDays[column];
            var at = AccountTimeline.LowerBound(days, since.DayNumber);
            if (at < days.Length && days[at] < asOf.DayNumber && (first is null || days[at] < first))
            {
                first = days[at];
            }
        }

        return first is { } day ? DateOnly.FromDayNumber(day) : null;
    }

    private static SupportFacts Support(Ticket[] tickets, DateTime instant, bool openTicketStateKnown, SignalOptions options)
    {
        var windowStart = instant.AddDays(-options.SupportWindowDays);
        var urgentOpen = tickets.Where(t => t.Priority == TicketPriority.Urgent && t.IsOpenAt(instant)).ToList();
        var tooLong = urgentOpen.Count(t => t.OpenedAt <= instant.AddDays(-options.UrgentTicketOpenDays));
        var oldest = urgentOpen.Count == 0 ? 0 : (int)(instant - urgentOpen.Min(t => t.OpenedAt)).TotalDays;
        var recent = tickets.Where(t => t.OpenedAt >= windowStart && t.OpenedAt < instant).ToList();
        // CSAT is given when a ticket is resolved, so only tickets resolved before the date can have one.
        var lowCsat = tickets.Count(t => t.ResolvedAt is { } r && r >= windowStart && r < instant && t.Csat is { } c && c <= options.LowCsat);
        // The SLA flag and tier may change until a ticket is resolved: a replay must not see a breach or escalation
        // that happened after its date (see OpenTicketStateDays).
        var known = recent.Where(t => (t.ResolvedAt is { } r && r < instant) || openTicketStateKnown).ToList();
        return new SupportFacts(tooLong, oldest, known.Count(t => t.SlaBreached), known.Count(t => t.Tier == SupportTier.L3), lowCsat);
    }

    private static BillingFacts Billing(AccountTimeline account, List<Subscription> active, DateTime instant, SignalOptions options)
    {
        var overdueBefore = instant.AddDays(-options.PastDueDays);
        var pastDue = (account.Invoices ?? []).Where(i => i.IsPastDueAt(instant) && i.DueAt <= overdueBefore).ToList();
        var oldest = pastDue.Count == 0 ? 0 : (int)(instant - pastDue.Min(i => i.DueAt)).TotalDays;
        var windowStart = instant.AddDays(-options.BillingWindowDays);
        var failed = (account.PaymentAttempts ?? []).Count(p => !p.Succeeded && p.AttemptedAt >= windowStart && p.AttemptedAt < instant);
        var before = account.Subscriptions.Where(s => s.IsActiveAt(windowStart)).Sum(s => s.Mrr);
        return new BillingFacts(pastDue.Count, oldest, pastDue.Sum(i => i.Amount), failed, active.Sum(s => s.Mrr), before);
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
