using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// A past contract renewal whose outcome is known: the account was up for renewal on a date, and at that date + the
/// grace period it was a customer (renewed) or not. The history the trailing-rate baseline learns from.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="Segment">Its segment (the current value, as the forecast's rows use); null when the account is unknown.</param>
/// <param name="RenewalDate">The contractual renewal date.</param>
/// <param name="Arr">12 x MRR of the subscriptions running up to the renewal date: the ARR that was due.</param>
/// <param name="SettledAt">Renewal date + grace period: the instant the outcome became known.</param>
/// <param name="Renewed">Whether the account was a customer at <paramref name="SettledAt"/> (the renewal model's label).</param>
public sealed record SettledRenewal(string AccountId, string? Segment, DateOnly RenewalDate, decimal Arr, DateTime SettledAt, bool Renewed)
{
    /// <summary>
    /// Every renewal settled by the history's data as of, per account in ordinal order and by date: each renewal
    /// anniversary of a contract that falls after the contract started and no later than it ended (a contract that ends
    /// on its anniversary was up for renewal then; one that ended between anniversaries was cancelled, not renewed).
    /// Anniversaries shared by several of an account's contracts count once.
    /// </summary>
    public static IReadOnlyList<SettledRenewal> All(CompanyHistory history, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        var segments = history.Accounts.ToDictionary(a => a.AccountId, a => a.Segment, StringComparer.Ordinal);
        var renewals = new List<SettledRenewal>();
        foreach (var account in history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var subscriptions = account.ToList();
            var dates = new SortedSet<DateOnly>(subscriptions.SelectMany(s => Anniversaries(s, graceDays, history.DataAsOf)));
            foreach (var date in dates)
            {
                if (RenewalBook.Renewed(subscriptions, date, graceDays, history.DataAsOf) is not { } renewed)
                    continue;
                var due = RenewalBook.Instant(date);
                // Running up to the date: a contract that ends on its anniversary is what was due then.
                var arr = 12 * subscriptions.Where(s => s.StartedAt < due && (s.EndedAt is null || s.EndedAt >= due)).Sum(s => s.Mrr);
                renewals.Add(new SettledRenewal(account.Key, segments.GetValueOrDefault(account.Key), date, arr, due.AddDays(graceDays), renewed));
            }
        }

        return renewals;
    }

    private static IEnumerable<DateOnly> Anniversaries(Subscription subscription, int graceDays, DateTime dataAsOf)
    {
        // The day after the start: an anniversary on the start day is the renewal that started this subscription.
        var from = DateOnly.FromDateTime(subscription.StartedAt).DayNumber + 1;
        while (ContractCalendar.NextRenewalDay(subscription, from) is { } day)
        {
            var due = RenewalBook.Instant(DateOnly.FromDayNumber(day));
            if ((subscription.EndedAt is { } ended && due > ended) || due.AddDays(graceDays) > dataAsOf)
                yield break;
            yield return DateOnly.FromDayNumber(day);
            from = day + 1;
        }
    }
}
