using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Tests.TestData;

/// <summary>Small hand-made histories for exact assertions.</summary>
internal sealed class HistoryBuilder
{
    public static readonly DateOnly Day0 = new(2024, 1, 1); // a Monday

    private readonly List<Account> _accounts = [];
    private readonly List<Subscription> _subscriptions = [];
    private readonly List<FeatureUsageDay> _usageDays = [];
    private readonly List<UsageWeek> _usageWeeks = [];
    private List<Ticket>? _tickets;
    private List<Invoice>? _invoices;
    private List<PaymentAttempt>? _attempts;

    public static DateTime At(int day, int hours = 0) =>
        DateTime.SpecifyKind(Day0.AddDays(day).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddHours(hours);

    public static DateOnly Date(int day) => Day0.AddDays(day);

    public HistoryBuilder Account(string id, int createdDay = 0, int seatsLicensedToday = 999, string segment = "SMB")
    {
        _accounts.Add(new Account(id, id, "am@example.com", segment, "EU", At(createdDay), seatsLicensedToday));
        return this;
    }

    public HistoryBuilder Subscription(string account, int startDay, int? endDay, decimal mrr = 100, int? seats = 10,
        string plan = "Team", DateOnly? renewal = null, int periodMonths = 1, bool autoRenew = true)
    {
        _subscriptions.Add(new Subscription(
            $"s{_subscriptions.Count}", account, plan, mrr, "EUR", periodMonths, At(startDay),
            endDay is { } e ? At(e) : null, renewal, autoRenew, seats));
        return this;
    }

    public HistoryBuilder Usage(string account, string feature, int day, long events, int users = 1)
    {
        _usageDays.Add(new FeatureUsageDay(account, feature, Date(day), events, users));
        return this;
    }

    public HistoryBuilder Week(string account, int mondayDay, int users, long events = 0)
    {
        _usageWeeks.Add(new UsageWeek(account, UsageWeek.AllFeatures, Date(mondayDay), events, users));
        return this;
    }

    public HistoryBuilder WithWeeks(string account, int firstMonday, int lastMonday, int users)
    {
        for (var monday = firstMonday; monday <= lastMonday; monday += 7)
        {
            Week(account, monday, users);
        }

        return this;
    }

    public HistoryBuilder Ticket(string account, DateTime opened, DateTime? resolved, TicketPriority priority = TicketPriority.Normal,
        SupportTier tier = SupportTier.L1, bool slaBreached = false, int? csat = null)
    {
        (_tickets ??= []).Add(new Ticket($"t{_tickets.Count}", account, opened, resolved, priority, tier, slaBreached, csat));
        return this;
    }

    public HistoryBuilder Invoice(string account, DateTime issued, DateTime due, DateTime? paid, string status = "open")
    {
        (_invoices ??= []).Add(new Invoice($"i{_invoices.Count}", account, issued, due, paid, 100m, "EUR", status));
        return this;
    }

    public HistoryBuilder Payment(string account, DateTime at, bool succeeded)
    {
        (_attempts ??= []).Add(new PaymentAttempt(account, "i0", at, succeeded, succeeded ? null : "declined"));
        return this;
    }

    public HistoryBuilder WithEmptyOptionalEntities()
    {
        _tickets ??= [];
        _invoices ??= [];
        _attempts ??= [];
        return this;
    }

    public CompanyHistory Build(DateTime dataAsOf) =>
        new([.. _accounts], [.. _subscriptions], [.. _usageDays], [.. _usageWeeks], _tickets?.ToArray(), _invoices?.ToArray(), _attempts?.ToArray(), dataAsOf);
}
