using System.Globalization;

namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// The signal rules. Each looks at one account's <see cref="AccountActivity"/> and either finds its condition, with
/// the numbers in words, or finds nothing. Rules whose facts are missing (no tickets, no scores) find nothing.
/// </summary>
public sealed class SignalRules(SignalOptions options)
{
    /// <summary>Every signal of every account, plan fit judged against the others on <paramref name="planTiers"/> (smallest plan first).</summary>
    public IReadOnlyList<AccountSignal> EvaluateAll(IReadOnlyList<AccountActivity> accounts, IReadOnlyList<string> planTiers)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return EvaluateAll(accounts, PlanUsageProfile.Build(accounts, planTiers));
    }

    /// <summary>
    /// The same with the plans' usage given: the company's, when <paramref name="accounts"/> are one batch of it (plan
    /// fit compares an account with every account on the next plan up, not with its batch).
    /// </summary>
    public IReadOnlyList<AccountSignal> EvaluateAll(IReadOnlyList<AccountActivity> accounts, PlanUsageProfile plans)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(plans);
        return accounts.SelectMany(a => Evaluate(a, plans)).ToList();
    }

    /// <summary>Every signal the account shows as of its date, at most one per kind; plan fit only with <paramref name="plans"/>.</summary>
    public IEnumerable<AccountSignal> Evaluate(AccountActivity account, PlanUsageProfile? plans = null)
    {
        AccountSignal?[] found =
        [
            NeverActivated(account), GoneDark(account), Declining(account), SeatSaturation(account), StrongGrowth(account),
            plans is null ? null : PlanFit(account, plans), SupportRisk(account), BillingRisk(account), RenewalAtRisk(account), RiskJump(account),
        ];
        return found.OfType<AccountSignal>();
    }

    /// <summary>No key feature used <see cref="SignalOptions.NeverActivatedAfterDays"/> days after the subscription started.</summary>
    public AccountSignal? NeverActivated(AccountActivity a)
    {
        var days = a.AsOf.DayNumber - a.SubscribedSince.DayNumber;
        if (a.FirstKeyFeatureUse is not null || days < options.NeverActivatedAfterDays)
        {
            return null;
        }

        var severity = days >= 2 * options.NeverActivatedAfterDays ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.NeverActivated, severity, a.AsOf,
            Invariant($"No key feature used in the {days} days since the subscription started"));
    }

    /// <summary>Active before, but nothing for <see cref="SignalOptions.GoneDarkAfterDays"/> days.</summary>
    public AccountSignal? GoneDark(AccountActivity a)
    {
        if (a.LastActivity is not { } last)
        {
            return null;
        }

        // Days with no activity: the last active day itself does not count.
        var silent = a.AsOf.DayNumber - last.DayNumber - 1;
        if (silent < options.GoneDarkAfterDays)
        {
            return null;
        }

        var severity = silent >= 2 * options.GoneDarkAfterDays ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.GoneDark, severity, a.AsOf,
            Invariant($"No activity for {silent} days (last active {last:yyyy-MM-dd})"));
    }

    /// <summary>Weekly active users of the last 4 weeks down at least the configured share against the 8 weeks before.</summary>
    public AccountSignal? Declining(AccountActivity a)
    {
        var (recent, before) = (Mean(a.WeeklyActiveUsers, 8, 4), Mean(a.WeeklyActiveUsers, 0, 8));
        if (before < options.MinimumBaseUsers)
        {
            return null;
        }

        var dropPercent = 100.0 * (before - recent) / before;
        if (dropPercent < options.DecliningDropPercent)
        {
            return null;
        }

        var severity = dropPercent >= 1.5 * options.DecliningDropPercent ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.Declining, severity, a.AsOf,
            Invariant($"Weekly active users down {dropPercent:0}%: {recent:0.#} a week over the last 4 weeks vs {before:0.#} over the 8 before"));
    }

    /// <summary>Weekly active users at or above the saturation share of seats in each of the last N weeks.</summary>
    public AccountSignal? SeatSaturation(AccountActivity a)
    {
        if (a.Seats <= 0)
        {
            return null;
        }

        var weeks = a.WeeklyActiveUsers.Skip(a.WeeklyActiveUsers.Count - options.SeatSaturationWeeks).ToList();
        var threshold = options.SeatSaturationPercent / 100.0 * a.Seats;
        if (weeks.Count < options.SeatSaturationWeeks || weeks.Any(w => w < threshold))
        {
            return null;
        }

        var lowest = weeks.Min();
        return new(a.AccountId, SignalKind.SeatSaturation, SignalSeverity.Info, a.AsOf,
            Invariant($"At least {lowest} of {a.Seats} seats active in each of the last {weeks.Count} weeks ({100.0 * lowest / a.Seats:0}%)"));
    }

    /// <summary>
    /// Weekly active users of the last 4 weeks up at least the configured share against 4 weeks eight weeks earlier,
    /// for accounts subscribed for the whole 12 weeks whose users fill at least <see cref="SignalOptions.StrongGrowthMinSeatUsePercent"/> of their seats
    /// (any account, when the company sells no seats).
    /// </summary>
    public AccountSignal? StrongGrowth(AccountActivity a)
    {
        // An account still in its first weeks grows because it is onboarding, not because it needs more.
        var (recent, earlier) = (Mean(a.WeeklyActiveUsers, 8, 4), Mean(a.WeeklyActiveUsers, 0, 4));
        if (earlier < options.MinimumBaseUsers || a.AsOf.DayNumber - a.SubscribedSince.DayNumber < 7 * AccountActivity.Weeks)
        {
            return null;
        }

        var risePercent = 100.0 * (recent - earlier) / earlier;
        if (risePercent < options.StrongGrowthPercent)
        {
            return null;
        }

        // Without seats (a company that sells none), growth of use alone is the signal.
        if (a.Seats <= 0)
        {
            return new(a.AccountId, SignalKind.StrongGrowth, SignalSeverity.Info, a.AsOf,
                Invariant($"Weekly active users up {risePercent:0}% over 8 weeks: {earlier:0.#} to {recent:0.#} a week"));
        }

        var seatUsePercent = 100.0 * recent / a.Seats;
        return seatUsePercent < options.StrongGrowthMinSeatUsePercent
            ? null
            : new(a.AccountId, SignalKind.StrongGrowth, SignalSeverity.Info, a.AsOf,
                Invariant($"Weekly active users up {risePercent:0}% over 8 weeks: {earlier:0.#} to {recent:0.#} a week, {seatUsePercent:0}% of {a.Seats} seats"));
    }

    /// <summary>
    /// Weekly active users at or above the configured share of the median of the accounts on the next plan up, with a
    /// churn probability at most <see cref="SignalOptions.PlanFitMaxChurnProbability"/>.
    /// </summary>
    public AccountSignal? PlanFit(AccountActivity a, PlanUsageProfile plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        // Without a score the risk is unknown, and an upsell pitch to an account about to leave is worse than none.
        if (a.Score is not { } score || score.ChurnProbability > options.PlanFitMaxChurnProbability || plans.NextUp(a.Plan) is not { } next)
        {
            return null;
        }

        var users = a.RecentWeeklyUsers;
        if (next.MedianWeeklyUsers <= 0 || users < options.PlanFitUsagePercent / 100.0 * next.MedianWeeklyUsers)
        {
            return null;
        }

        return new(a.AccountId, SignalKind.PlanFit, SignalSeverity.Info, a.AsOf,
            Invariant($"{users:0.#} weekly active users on {a.Plan}, like the {next.Plan} accounts (median {next.MedianWeeklyUsers:0.#}); churn risk {100 * score.ChurnProbability:0}%"));
    }

    /// <summary>Urgent tickets open too long, SLA breaches, L3 escalations or low CSAT in the support window.</summary>
    public AccountSignal? SupportRisk(AccountActivity a)
    {
        if (a.Support is not { } t)
        {
            return null;
        }

        var parts = new List<string>();
        if (t.UrgentOpenTooLong > 0)
        {
            parts.Add(Invariant($"{Count(t.UrgentOpenTooLong, "urgent ticket")} open for more than {options.UrgentTicketOpenDays} days (oldest {t.OldestUrgentOpenDays} days)"));
        }

        if (t.SlaBreaches >= options.SlaBreaches)
        {
            parts.Add(Invariant($"{Count(t.SlaBreaches, "SLA breach", "SLA breaches")} in the last {options.SupportWindowDays} days"));
        }

        if (t.L3Escalations >= options.L3Escalations)
        {
            parts.Add(Invariant($"{Count(t.L3Escalations, "ticket")} escalated to L3 in the last {options.SupportWindowDays} days"));
        }

        if (t.LowCsatTickets > 0)
        {
            parts.Add(Invariant($"{Count(t.LowCsatTickets, "CSAT rating")} of {options.LowCsat} or less in the last {options.SupportWindowDays} days"));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // One cause may be bad luck; several together, or an urgent ticket left twice as long, is a customer in trouble.
        var severity = parts.Count >= 2 || t.OldestUrgentOpenDays >= 2 * options.UrgentTicketOpenDays ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.SupportRisk, severity, a.AsOf, string.Join("; ", parts));
    }

    /// <summary>An invoice past due too long, failed payment attempts, or a fall of MRR over the billing window.</summary>
    public AccountSignal? BillingRisk(AccountActivity a)
    {
        if (a.Billing is not { } b)
        {
            return null;
        }

        var parts = new List<string>();
        if (b.PastDueInvoices > 0)
        {
            parts.Add(Invariant($"{Count(b.PastDueInvoices, "invoice")} past due ({b.PastDueAmount:N0} in total, oldest {b.OldestPastDueDays} days)"));
        }

        if (b.FailedPayments >= options.FailedPayments)
        {
            parts.Add(Invariant($"{Count(b.FailedPayments, "failed payment attempt")} in the last {options.BillingWindowDays} days"));
        }

        var contraction = b.MrrBefore > 0 ? (double)((b.MrrBefore - b.Mrr) / b.MrrBefore) * 100 : 0;
        if (contraction >= options.ContractionPercent)
        {
            parts.Add(Invariant($"MRR down {contraction:0}% in the last {options.BillingWindowDays} days ({b.MrrBefore:N0} to {b.Mrr:N0})"));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var severity = parts.Count >= 2 || b.OldestPastDueDays >= 2 * options.PastDueDays ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.BillingRisk, severity, a.AsOf, string.Join("; ", parts));
    }

    /// <summary>A contract renewal within <see cref="SignalOptions.RenewalWithinDays"/> days with a renewal probability below the threshold.</summary>
    public AccountSignal? RenewalAtRisk(AccountActivity a)
    {
        if (a.RenewalDate is not { } renewal || a.Score is not { RenewalProbability: { } probability })
        {
            return null;
        }

        var days = renewal.DayNumber - a.AsOf.DayNumber;
        if (days < 0 || days > options.RenewalWithinDays || probability >= options.RenewalProbabilityBelow)
        {
            return null;
        }

        // Half the threshold, or a month left, leaves little time: act now.
        var severity = probability < options.RenewalProbabilityBelow / 2 || days <= 30 ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.RenewalAtRisk, severity, a.AsOf,
            Invariant($"Renews on {renewal:yyyy-MM-dd} (in {days} days) with a renewal probability of {100 * probability:0}%"));
    }

    /// <summary>Churn probability up at least <see cref="SignalOptions.RiskJumpPoints"/> percentage points since the previous scoring.</summary>
    public AccountSignal? RiskJump(AccountActivity a)
    {
        if (a.Score is not { PreviousChurnProbability: { } before } score)
        {
            return null;
        }

        // Rounded so that 0.30 - 0.20 is judged as the 10 points it is, not as 9.999... of binary fractions.
        var points = Math.Round(100 * (score.ChurnProbability - before), 6);
        if (points < options.RiskJumpPoints)
        {
            return null;
        }

        var severity = points >= 2 * options.RiskJumpPoints ? SignalSeverity.Critical : SignalSeverity.Warning;
        return new(a.AccountId, SignalKind.RiskJump, severity, a.AsOf,
            Invariant($"Churn risk up {points:0} points since the previous scoring: {100 * before:0}% to {100 * score.ChurnProbability:0}%"));
    }

    private static string Count(int n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    private static double Mean(IReadOnlyList<int> values, int start, int count) => values.Skip(start).Take(count).DefaultIfEmpty(0).Average();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
