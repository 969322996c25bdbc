using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>One account's history, grouped and sorted so any window is a binary search or a prefix-sum difference.</summary>
internal sealed class AccountTimeline
{
    public AccountTimeline(Account account, int index)
    {
        Account = account;
        Index = index;
    }

    public Account Account { get; }

    /// <summary>Position in <see cref="CompanyTimeline.AccountIds"/>.</summary>
    public int Index { get; }

    /// <summary>Sorted by start, then identifier.</summary>
    public Subscription[] Subscriptions { get; set; } = [];

    /// <summary>Day of the first subscription start, or null when the account never subscribed.</summary>
    public int? FirstStartDay { get; set; }

    /// <summary>Per usage column: the days with events, ascending.</summary>
    public int[][] ColumnDays { get; set; } = [];

    /// <summary>Per usage column: prefix sums of events over <see cref="ColumnDays"/> (length + 1).</summary>
    public long[][] ColumnPrefix { get; set; } = [];

    /// <summary>Days with any usage, ascending.</summary>
    public int[] ActiveDays { get; set; } = [];

    /// <summary>Prefix sums of all events over <see cref="ActiveDays"/> (length + 1).</summary>
    public long[] ActivePrefix { get; set; } = [0];

    /// <summary>Prefix sums of weekly active users (all features) over the company's week grid (length weeks + 1).</summary>
    public long[] WeeklyUsersPrefix { get; set; } = [0];

    /// <summary>Sorted by opening; null when the company does not provide tickets.</summary>
    public Ticket[]? Tickets { get; set; }

    /// <summary>Sorted by issue date; null when the company does not provide invoices.</summary>
    public Invoice[]? Invoices { get; set; }

    /// <summary>Sorted by attempt; null when the company does not provide payment attempts.</summary>
    public PaymentAttempt[]? PaymentAttempts { get; set; }

    /// <summary>True when a subscription is active at the instant.</summary>
    public bool IsActiveAt(DateTime instant)
    {
        foreach (var subscription in Subscriptions)
        {
            if (subscription.StartedAt > instant)
            {
                break;
            }

            if (subscription.IsActiveAt(instant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Events in the half-open day range [from, to) of a sparse day series.</summary>
    public static long Sum(int[] days, long[] prefix, int from, int to)
    {
        if (to <= from || days.Length == 0)
        {
            return 0;
        }

        return prefix[LowerBound(days, to)] - prefix[LowerBound(days, from)];
    }

    /// <summary>The first position whose day is at or after <paramref name="day"/>.</summary>
    public static int LowerBound(int[] days, int day)
    {
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (days[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
