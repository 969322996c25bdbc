using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

/// <summary>One generated company shared by the simulation tests, with its weekly active users computed once.</summary>
public sealed class SampleCompanyFixture
{
    public SampleCompanyFixture()
    {
        Options = new SampleCompanyOptions { Accounts = 300, Months = 24, Seed = 7, End = new DateOnly(2026, 11, 1) };
        Company = new SampleCompanyGenerator(Options).Generate();
        Events = Company.UsageEvents.ToList();
        var weekly = new Dictionary<string, Dictionary<DateOnly, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var e in Events)
        {
            if (!weekly.TryGetValue(e.AccountId, out var weeks))
            {
                weeks = [];
                weekly[e.AccountId] = weeks;
            }

            var week = WeekOf(e.OccurredAt);
            if (!weeks.TryGetValue(week, out var users))
            {
                users = new HashSet<string>(StringComparer.Ordinal);
                weeks[week] = users;
            }

            users.Add(e.UserId);
        }

        WeeklyUsers = weekly;
        EventsByAccount = Events.GroupBy(e => e.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UsageEvent>)[.. g], StringComparer.Ordinal);
        SubscriptionsByAccount = Company.Subscriptions.GroupBy(s => s.AccountId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Subscription>)[.. g.OrderBy(s => s.StartedAt)]);
    }

    public SampleCompanyOptions Options { get; }

    public SampleCompany Company { get; }

    public IReadOnlyList<UsageEvent> Events { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<UsageEvent>> EventsByAccount { get; }

    /// <summary>Account id -> Monday of the week -> distinct users active that week.</summary>
    public IReadOnlyDictionary<string, Dictionary<DateOnly, HashSet<string>>> WeeklyUsers { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Subscription>> SubscriptionsByAccount { get; }

    public DateTime End => Options.WindowEnd;

    /// <summary>The Monday starting the week of <paramref name="instant"/>.</summary>
    public static DateOnly WeekOf(DateTime instant)
    {
        var day = DateOnly.FromDateTime(instant);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>Mean weekly active users over the <paramref name="weeks"/> full weeks ending <paramref name="skip"/> weeks before <paramref name="before"/>.</summary>
    public double MeanWeeklyUsers(string accountId, DateTime before, int skip, int weeks)
    {
        var lastFullWeek = WeekOf(before).AddDays(-7 * (skip + 1));
        var total = 0;
        for (var i = 0; i < weeks; i++)
        {
            var week = lastFullWeek.AddDays(-7 * i);
            if (WeeklyUsers.TryGetValue(accountId, out var byWeek) && byWeek.TryGetValue(week, out var users))
            {
                total += users.Count;
            }
        }

        return total / (double)weeks;
    }

    /// <summary>When the account churned (its last subscription ended), or null while active.</summary>
    public DateTime? ChurnedAt(string accountId) => SubscriptionsByAccount[accountId][^1].EndedAt;
}
