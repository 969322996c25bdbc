using System.Globalization;

namespace ChurnWatch.Analytics.Signals;

/// <summary>
/// The inactive and upsell rules. Each looks at one account's <see cref="AccountActivity"/> and either finds its
/// condition, with the numbers in words, or finds nothing.
/// </summary>
public sealed class SignalRules(SignalOptions options)
{
    /// <summary>Every signal the account shows as of its date, at most one per kind.</summary>
    public IEnumerable<AccountSignal> Evaluate(AccountActivity account)
    {
        AccountSignal?[] found =
        [
            NeverActivated(account), GoneDark(account), Declining(account), SeatSaturation(account), StrongGrowth(account),
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
    /// for accounts subscribed for the whole 12 weeks.
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
        return risePercent < options.StrongGrowthPercent
            ? null
            : new(a.AccountId, SignalKind.StrongGrowth, SignalSeverity.Info, a.AsOf,
                Invariant($"Weekly active users up {risePercent:0}% over 8 weeks: {earlier:0.#} to {recent:0.#} a week"));
    }

    private static double Mean(IReadOnlyList<int> values, int start, int count) => values.Skip(start).Take(count).DefaultIfEmpty(0).Average();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
