using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The baseline finance would compute in a spreadsheet: the share of month-to-month MRR that churned per month over the
/// trailing year, as known at the forecast date.
/// </summary>
public static class MonthToMonthChurnRate
{
    /// <summary>Months the trailing rate looks back over.</summary>
    public const int TrailingMonths = 12;

    /// <summary>
    /// Churned MRR / MRR at the month's start, summed over the last <see cref="TrailingMonths"/> calendar months settled
    /// before <paramref name="asOf"/> (a churn is confirmed a grace period after the subscription ended, so a month
    /// counts once its end + the grace period is before the date), of the accounts month-to-month at each month's
    /// start. Null when no month-to-month MRR was running in any of those months.
    /// </summary>
    public static double? Trailing(CompanyHistory history, DateOnly asOf, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        var known = RenewalBook.Instant(asOf);
        var churns = history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Subscriptions: g.ToList(), Churns: ChurnEvents.Find(g, known, graceDays)), StringComparer.Ordinal);
        // The first day after the newest settled month.
        var last = RenewalForecastBacktest.LastSettledMonth(known, graceDays).AddMonths(1);
        decimal start = 0, churned = 0;
        for (var month = last.AddMonths(-TrailingMonths); month < last; month = month.AddMonths(1))
        {
            var from = RenewalBook.Instant(month);
            var to = RenewalBook.Instant(month.AddMonths(1));
            foreach (var (subscriptions, events) in churns.Values)
            {
                var running = subscriptions.Where(s => s.IsActiveAt(from)).ToList();
                if (running.Count == 0 || RenewalLabel.NextRenewal(running, month) is not null)
                    continue;
                var mrr = running.Sum(s => s.Mrr);
                start += mrr;
                if (events.Any(t => t >= from && t < to))
                    churned += mrr;
            }
        }

        return start == 0 ? null : (double)(churned / start);
    }
}
