using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// A company's history indexed per account: each account's records grouped and sorted once, usage turned into prefix
/// sums, so computing predictors for many observation dates never rescans the raw lists. It may hold every account or
/// one batch of them: the <see cref="CompanyShape"/> it is built with fixes the usage columns and the week grid, so
/// every batch of a company gives the same predictors as the whole company would.
/// </summary>
public sealed class CompanyTimeline
{
    private readonly Dictionary<string, int> _accountIndex;

    private CompanyTimeline(
        CompanyHistory history,
        CompanyShape shape,
        AccountTimeline[] accounts,
        Dictionary<string, int> accountIndex,
        string[] usageFeatures,
        string[] usageColumns,
        int[] usageColumnOfFeature,
        int? usageStartDay,
        int? weekOriginDay,
        int weekCount)
    {
        History = history;
        Shape = shape;
        Timelines = accounts;
        _accountIndex = accountIndex;
        UsageFeatures = usageFeatures;
        UsageColumns = usageColumns;
        UsageColumnOfFeature = usageColumnOfFeature;
        UsageStartDay = usageStartDay;
        WeekOriginDay = weekOriginDay;
        WeekCount = weekCount;
    }

    /// <summary>The history this index was built from: the whole company's or one batch's.</summary>
    public CompanyHistory History { get; }

    /// <summary>What the company's batches share: predictor columns, first usage day, week grid, as-of instant.</summary>
    public CompanyShape Shape { get; }

    /// <summary>Accounts in ordinal order of their identifiers.</summary>
    public IReadOnlyList<string> AccountIds => Array.ConvertAll(Timelines, a => a.Account.AccountId);

    /// <summary>Raw product feature names seen in daily usage, ordinal order.</summary>
    public IReadOnlyList<string> UsageFeatures { get; }

    /// <summary>Usage column names (<c>usage_&lt;feature&gt;_28d</c>), ordinal order.</summary>
    public IReadOnlyList<string> UsageColumns { get; }

    internal AccountTimeline[] Timelines { get; }

    /// <summary>Per raw usage feature (in <see cref="UsageFeatures"/> order): its column.</summary>
    internal int[] UsageColumnOfFeature { get; }

    /// <summary>The first day with usage data in the company, or null without any.</summary>
    internal int? UsageStartDay { get; }

    /// <summary>The Monday of the first weekly row (all features), or null without weekly data.</summary>
    internal int? WeekOriginDay { get; }

    /// <summary>Weeks in the weekly grid.</summary>
    internal int WeekCount { get; }

    internal bool TryGetAccount(string accountId, out AccountTimeline timeline)
    {
        if (_accountIndex.TryGetValue(accountId, out var index))
        {
            timeline = Timelines[index];
            return true;
        }

        timeline = null!;
        return false;
    }

    /// <summary>Indexes a whole company's history, its shape computed from the history itself.</summary>
    public static CompanyTimeline Build(CompanyHistory history) => Build(history, CompanyShape.Of(history));

    /// <summary>
    /// Indexes a history (the whole company's or one batch of accounts') with the company's shape. Records of
    /// accounts missing from <see cref="CompanyHistory.Accounts"/>, and usage of features the shape does not know, are
    /// ignored.
    /// </summary>
    public static CompanyTimeline Build(CompanyHistory history, CompanyShape shape)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(shape);

        var accounts = history.Accounts
            .GroupBy(a => a.AccountId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(a => a.AccountId, StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<string, int>(accounts.Length, StringComparer.Ordinal);
        var timelines = new AccountTimeline[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            index[accounts[i].AccountId] = i;
            timelines[i] = new AccountTimeline(accounts[i], i);
        }

        BuildSubscriptions(history, index, timelines);

        var (features, columns, columnOfFeature) = BuildDailyUsage(history, shape, index, timelines);
        var (weekOrigin, weekCount) = BuildWeeklyUsers(history, shape, index, timelines);

        if (history.Tickets is { } tickets)
        {
            var grouped = Group(tickets, t => t.AccountId, index, timelines.Length);
            for (var i = 0; i < timelines.Length; i++)
            {
                timelines[i].Tickets = [.. grouped[i].OrderBy(t => t.OpenedAt).ThenBy(t => t.TicketId, StringComparer.Ordinal)];
            }
        }

        if (history.Invoices is { } invoices)
        {
            var grouped = Group(invoices, t => t.AccountId, index, timelines.Length);
            for (var i = 0; i < timelines.Length; i++)
            {
                timelines[i].Invoices = [.. grouped[i].OrderBy(t => t.IssuedAt).ThenBy(t => t.InvoiceId, StringComparer.Ordinal)];
            }
        }

        if (history.PaymentAttempts is { } attempts)
        {
            var grouped = Group(attempts, t => t.AccountId, index, timelines.Length);
            for (var i = 0; i < timelines.Length; i++)
            {
                timelines[i].PaymentAttempts = [.. grouped[i].OrderBy(t => t.AttemptedAt).ThenBy(t => t.InvoiceId, StringComparer.Ordinal)];
            }
        }

        return new CompanyTimeline(history, shape, timelines, index, features, columns, columnOfFeature, shape.UsageStartDay, weekOrigin, weekCount);
    }

    private static List<T>[] Group<T>(IReadOnlyList<T> items, Func<T, string> accountOf, Dictionary<string, int> index, int count)
    {
        var groups = new List<T>[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = [];
        }

        foreach (var item in items)
        {
            if (index.TryGetValue(accountOf(item), out var a))
            {
                groups[a].Add(item);
            }
        }

        return groups;
    }

    private static void BuildSubscriptions(CompanyHistory history, Dictionary<string, int> index, AccountTimeline[] timelines)
    {
        var grouped = Group(history.Subscriptions, s => s.AccountId, index, timelines.Length);
        for (var i = 0; i < timelines.Length; i++)
        {
            var subscriptions = grouped[i]
                .OrderBy(s => s.StartedAt)
                .ThenBy(s => s.SubscriptionId, StringComparer.Ordinal)
                .ToArray();
            timelines[i].Subscriptions = subscriptions;
            timelines[i].FirstStartDay = subscriptions.Length == 0 ? null : ObservationCalendar.DayOf(subscriptions[0].StartedAt);
        }
    }

    private static (string[] Features, string[] Columns, int[] ColumnOfFeature) BuildDailyUsage(
        CompanyHistory history, CompanyShape shape, Dictionary<string, int> index, AccountTimeline[] timelines)
    {
        var rows = history.UsageDays;
        // Stable ordinal order of features and columns, from the shape: the same in every batch of the company.
        var features = shape.FeatureEvents.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var columns = features.Select(PredictorCatalog.UsageColumnName).Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal).ToArray();
        var columnOfFeature = features
            .Select(f => Array.BinarySearch(columns, PredictorCatalog.UsageColumnName(f), StringComparer.Ordinal))
            .ToArray();
        var columnOfName = new Dictionary<string, int>(features.Length, StringComparer.Ordinal);
        for (var f = 0; f < features.Length; f++)
        {
            columnOfName[features[f]] = columnOfFeature[f];
        }

        var rowAccount = new int[rows.Count];
        var rowColumn = new int[rows.Count];
        var counts = new int[timelines.Length + 1];
        // Stores return usage ordered by account, so consecutive rows usually share the account: skip the lookup.
        string? lastAccountId = null;
        var lastAccount = -1;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (!string.Equals(row.AccountId, lastAccountId, StringComparison.Ordinal))
            {
                lastAccountId = row.AccountId;
                lastAccount = index.TryGetValue(row.AccountId, out var found) ? found : -1;
            }

            var a = lastAccount;
            if (a < 0 || !columnOfName.TryGetValue(row.Feature, out var c))
            {
                rowAccount[r] = -1;
                continue;
            }

            rowAccount[r] = a;
            rowColumn[r] = c;
            counts[a + 1]++;
        }

        // Counting sort of row positions by account: one pass, no per-account lists of records.
        for (var a = 0; a < timelines.Length; a++)
        {
            counts[a + 1] += counts[a];
        }

        var order = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var r = 0; r < rows.Count; r++)
        {
            if (rowAccount[r] >= 0)
            {
                order[fill[rowAccount[r]]++] = r;
            }
        }

        var columnCount = columns.Length;
        Parallel.For(0, timelines.Length, a =>
        {
            var from = counts[a];
            var n = counts[a + 1] - from;
            var keys = new long[n];
            var events = new long[n];
            for (var k = 0; k < n; k++)
            {
                var r = order[from + k];
                var row = rows[r];
                keys[k] = ((long)rowColumn[r] << 32) | (uint)row.Day.DayNumber;
                // Days with users but no counted events still show activity; keep them with zero events.
                events[k] = Math.Max(0, row.Events);
            }

            Array.Sort(keys, events);
            var columnDays = new int[columnCount][];
            var columnPrefix = new long[columnCount][];
            var allDays = new List<(int Day, long Events)>(n);
            var k0 = 0;
            for (var c = 0; c < columnCount; c++)
            {
                var days = new List<int>();
                var prefix = new List<long> { 0 };
                while (k0 < n && (int)(keys[k0] >> 32) == c)
                {
                    var day = (int)(keys[k0] & 0xFFFFFFFF);
                    var sum = 0L;
                    while (k0 < n && keys[k0] == (((long)c << 32) | (uint)day))
                    {
                        sum += events[k0];
                        k0++;
                    }

                    days.Add(day);
                    prefix.Add(prefix[^1] + sum);
                    allDays.Add((day, sum));
                }

                columnDays[c] = [.. days];
                columnPrefix[c] = [.. prefix];
            }

            allDays.Sort((x, y) => x.Day.CompareTo(y.Day));
            var active = new List<int>();
            var activePrefix = new List<long> { 0 };
            foreach (var (day, sum) in allDays)
            {
                if (active.Count > 0 && active[^1] == day)
                {
                    activePrefix[^1] += sum;
                }
                else
                {
                    active.Add(day);
                    activePrefix.Add(activePrefix[^1] + sum);
                }
            }

            timelines[a].ColumnDays = columnDays;
            timelines[a].ColumnPrefix = columnPrefix;
            timelines[a].ActiveDays = [.. active];
            timelines[a].ActivePrefix = [.. activePrefix];
        });

        return (features, columns, columnOfFeature);
    }

    private static (int? Origin, int Count) BuildWeeklyUsers(CompanyHistory history, CompanyShape shape, Dictionary<string, int> index, AccountTimeline[] timelines)
    {
        if (shape.FirstWeekStart is not { } first || shape.LastWeekStart is not { } last)
        {
            return (null, 0);
        }

        int? origin = first;
        var count = ((last - origin.Value) / 7) + 1;
        var users = new long[timelines.Length][];
        foreach (var week in history.UsageWeeks)
        {
            if (week.Feature != UsageWeek.AllFeatures || !index.TryGetValue(week.AccountId, out var a))
            {
                continue;
            }

            var w = (ObservationCalendar.MondayOnOrBefore(week.WeekStart.DayNumber) - origin.Value) / 7;
            if (w < 0 || w >= count)
            {
                continue; // outside the shape's grid: written after the shape was read
            }

            users[a] ??= new long[count];
            users[a][w] += week.ActiveUsers;
        }

        for (var a = 0; a < timelines.Length; a++)
        {
            var prefix = new long[count + 1];
            if (users[a] is { } u)
            {
                for (var w = 0; w < count; w++)
                {
                    prefix[w + 1] = prefix[w] + u[w];
                }
            }

            timelines[a].WeeklyUsersPrefix = prefix;
        }

        return (origin, count);
    }
}
