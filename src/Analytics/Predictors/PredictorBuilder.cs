using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// Computes accounts' predictors as of an observation date D from data strictly before D.
/// </summary>
/// <remarks>
/// Current-state fields are never read: not <see cref="Account.SeatsLicensed"/>, <see cref="Subscription.AutoRenew"/>,
/// <see cref="Invoice.Status"/>, nor a subscription's end beyond "still running at D". Flags that can still change
/// while a ticket is open (SLA breach, tier) are read only for tickets resolved before D.
/// Subscription state is the state at the instant D (<see cref="Subscription.IsActiveAt"/>: a subscription starting
/// exactly at midnight D counts, one ending exactly then does not), the same convention the labels use.
/// </remarks>
public sealed class PredictorBuilder
{
    private const int Window28 = 28;
    private const int PredictorCatalogCoreCount = CorePredictorIndex.Count;
    private readonly CompanyTimeline _timeline;
    private readonly Dictionary<string, int> _planTier;
    private readonly int[] _keyColumns;

    /// <summary>Creates a builder for a company's timeline.</summary>
    public PredictorBuilder(CompanyTimeline timeline, PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(settings);
        _timeline = timeline;
        Settings = settings;
        Schema = PredictorSchema.For(timeline);
        _planTier = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.PlanTiers.Count; i++)
        {
            _planTier.TryAdd(settings.PlanTiers[i], i + 1);
        }

        // Key features never seen in usage cannot be adopted; they still count in "k of n adopted" (ReasonWriter).
        _keyColumns = settings.KeyFeatures
            .Select(k => Array.BinarySearch(timeline.UsageFeatures.ToArray(), k, StringComparer.Ordinal))
            .Where(i => i >= 0)
            .Select(i => timeline.UsageColumnOfFeature[i])
            .Distinct()
            .ToArray();
    }

    /// <summary>The columns this builder fills.</summary>
    public PredictorSchema Schema { get; }

    /// <summary>The settings the predictors were defined with.</summary>
    public PredictorSettings Settings { get; }

    /// <summary>The timeline predictors are computed from.</summary>
    public CompanyTimeline Timeline => _timeline;

    /// <summary>The account's predictors as of <paramref name="asOf"/>, or null when it is unknown or not a customer then.</summary>
    public AccountPredictors? Compute(string accountId, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!_timeline.TryGetAccount(accountId, out var account) || !account.IsActiveAt(ObservationCalendar.Instant(asOf)))
        {
            return null;
        }

        var values = new double[Schema.Count];
        Compute(account, asOf.DayNumber, values);
        return new AccountPredictors(accountId, asOf, Schema.Names, values);
    }

    /// <summary>Predictors of every account with an active subscription at <paramref name="asOf"/>, in account order.</summary>
    public IReadOnlyList<AccountPredictors> ComputeAll(DateOnly asOf)
    {
        var instant = ObservationCalendar.Instant(asOf);
        var observable = _timeline.Timelines.Where(a => a.IsActiveAt(instant)).ToArray();
        var result = new AccountPredictors[observable.Length];
        Parallel.For(0, observable.Length, i =>
        {
            var values = new double[Schema.Count];
            Compute(observable[i], asOf.DayNumber, values);
            result[i] = new AccountPredictors(observable[i].Account.AccountId, asOf, Schema.Names, values);
        });
        return result;
    }

    /// <summary>Fills <paramref name="x"/> (length <see cref="PredictorSchema.Count"/>) for the account at day <paramref name="day"/>.</summary>
    internal void Compute(AccountTimeline account, int day, Span<double> x)
    {
        var at = ObservationCalendar.Instant(day);
        x.Fill(double.NaN);
        SubscriptionPredictors(account, day, at, x);
        UsagePredictors(account, day, x);
        TicketPredictors(account, at, x);
        BillingPredictors(account, at, x);
    }

    private void SubscriptionPredictors(AccountTimeline account, int day, DateTime at, Span<double> x)
    {
        var before = at.AddDays(-90);
        double mrr = 0, mrrBefore = 0, seats = 0;
        bool anyBefore = false, anySeats = false, annual = false;
        var tier = 0;
        int? renewal = null;
        foreach (var s in account.Subscriptions)
        {
            if (s.StartedAt > at)
            {
                break;
            }

            if (s.IsActiveAt(before))
            {
                anyBefore = true;
                mrrBefore += (double)s.Mrr;
            }

            if (!s.IsActiveAt(at))
            {
                continue;
            }

            mrr += (double)s.Mrr;
            if (s.Seats is { } n)
            {
                seats += n;
                anySeats = true;
            }

            annual |= s.RenewalDate is not null || s.BillingPeriodMonths >= 12;
            if (_planTier.TryGetValue(s.Plan, out var t))
            {
                tier = Math.Max(tier, t);
            }

            if (ContractCalendar.NextRenewalDay(s, day) is { } r)
            {
                renewal = renewal is null ? r : Math.Min(renewal.Value, r);
            }
        }

        x[CorePredictorIndex.TenureDays] = account.FirstStartDay is { } first ? Math.Max(0, day - first) : double.NaN;
        x[CorePredictorIndex.Mrr] = mrr;
        x[CorePredictorIndex.MrrChange90d] = anyBefore ? Math.Clamp((mrr - mrrBefore) / Math.Max(mrrBefore, 1.0), -1.0, 5.0) : double.NaN;
        x[CorePredictorIndex.PlanTier] = tier > 0 ? tier : double.NaN;
        x[CorePredictorIndex.AnnualContract] = annual ? 1 : 0;
        // A company that sells no seats (every count is 1) says nothing with them: missing, not "1 seat".
        x[CorePredictorIndex.Seats] = anySeats && _timeline.Shape.LicensesSeats ? seats : double.NaN;
        x[CorePredictorIndex.DaysToRenewal] = renewal is { } rd ? rd - day : double.NaN;
    }

    private void UsagePredictors(AccountTimeline account, int day, Span<double> x)
    {
        // Windows before the account was a customer, or before usage data exists, are not "zero use": they are
        // unknown, so rates and changes use only the available part.
        var available = Math.Max(account.FirstStartDay ?? day, _timeline.UsageStartDay ?? day);

        double wau4 = double.NaN, wauPrev = double.NaN;
        if (_timeline.WeekOriginDay is { } origin)
        {
            var prefix = account.WeeklyUsersPrefix;
            var last = (ObservationCalendar.MondayOnOrBefore(day - 7) - origin) / 7;
            var firstWeek = Math.Max(0, (ObservationCalendar.MondayOnOrBefore(account.FirstStartDay ?? day) - origin) / 7);
            wau4 = WeeklyMean(prefix, Math.Max(firstWeek, last - 3), last);
            wauPrev = WeeklyMean(prefix, Math.Max(firstWeek, last - 11), last - 4);
        }

        x[CorePredictorIndex.Wau4w] = wau4;
        x[CorePredictorIndex.WauPrev8w] = wauPrev;
        x[CorePredictorIndex.WauChange] = double.IsNaN(wau4) || double.IsNaN(wauPrev)
            ? double.NaN
            : Math.Clamp((wau4 - wauPrev) / Math.Max(wauPrev, 1.0), -1.0, 3.0);
        var seats = x[CorePredictorIndex.Seats];
        x[CorePredictorIndex.SeatUtilisation] = seats > 0 && !double.IsNaN(wau4) ? wau4 / seats : double.NaN;

        var events28 = (double)AccountTimeline.Sum(account.ActiveDays, account.ActivePrefix, day - Window28, day);
        x[CorePredictorIndex.Events28d] = events28;
        x[CorePredictorIndex.EventsPerUser28d] = double.IsNaN(wau4) ? double.NaN : events28 / Math.Max(wau4, 1.0);
        var priorFrom = Math.Max(day - (3 * Window28), available);
        var priorDays = day - Window28 - priorFrom;
        if (priorDays >= 7)
        {
            var prior = AccountTimeline.Sum(account.ActiveDays, account.ActivePrefix, priorFrom, day - Window28) * (double)Window28 / priorDays;
            x[CorePredictorIndex.EventsChange] = Math.Clamp((events28 - prior) / Math.Max(prior, 1.0), -1.0, 3.0);
        }

        var breadth = 0;
        for (var c = 0; c < account.ColumnDays.Length; c++)
        {
            var events = AccountTimeline.Sum(account.ColumnDays[c], account.ColumnPrefix[c], day - Window28, day);
            x[PredictorCatalogCoreCount + c] = events;
            if (events > 0)
            {
                breadth++;
            }
        }

        x[CorePredictorIndex.FeatureBreadth28d] = breadth;

        var lastActive = AccountTimeline.LowerBound(account.ActiveDays, day) - 1;
        x[CorePredictorIndex.DaysSinceLastActivity] = lastActive >= 0
            ? day - account.ActiveDays[lastActive]
            : Math.Max(0, day - available);

        var adopted = 0;
        var firstKey = int.MaxValue;
        foreach (var c in _keyColumns)
        {
            var days = account.ColumnDays[c];
            if (days.Length > 0 && days[0] < day)
            {
                adopted++;
                firstKey = Math.Min(firstKey, days[0]);
            }
        }

        x[CorePredictorIndex.KeyFeaturesAdopted] = adopted;
        x[CorePredictorIndex.DaysToFirstKeyFeature] = firstKey == int.MaxValue
            ? double.NaN
            : Math.Max(0, firstKey - (account.FirstStartDay ?? firstKey));
    }

    private static double WeeklyMean(long[] prefix, int from, int to)
    {
        // Weeks after the grid's end have no rows: no users. Weeks before it are unknown and excluded by the caller.
        var weeks = prefix.Length - 1;
        if (to < from || to < 0)
        {
            return double.NaN;
        }

        var lo = Math.Max(from, 0);
        var sum = prefix[Math.Min(to + 1, weeks)] - prefix[Math.Min(lo, weeks)];
        return sum / (double)(to - lo + 1);
    }

    private static void TicketPredictors(AccountTimeline account, DateTime at, Span<double> x)
    {
        if (account.Tickets is not { } tickets)
        {
            return;
        }

        var from90 = at.AddDays(-90);
        var from180 = at.AddDays(-180);
        var over14 = at.AddDays(-14);
        int opened = 0, open = 0, urgent = 0, urgentOld = 0, breached = 0, maxTier = 0, csatCount = 0;
        double csatSum = 0;
        List<double>? resolveDays = null;
        foreach (var t in tickets)
        {
            if (t.OpenedAt >= at)
            {
                break;
            }

            if (t.OpenedAt >= from90)
            {
                opened++;
            }

            if (t.IsOpenAt(at))
            {
                open++;
                if (t.Priority == TicketPriority.Urgent)
                {
                    urgent++;
                    if (t.OpenedAt < over14)
                    {
                        urgentOld++;
                    }
                }

                continue;
            }

            // Resolved before D: its SLA flag, tier and rating are final.
            var resolved = t.ResolvedAt!.Value;
            if (resolved >= from90)
            {
                breached += t.SlaBreached ? 1 : 0;
                maxTier = Math.Max(maxTier, (int)t.Tier);
            }

            if (resolved >= from180)
            {
                (resolveDays ??= []).Add((resolved - t.OpenedAt).TotalDays);
                if (t.Csat is { } csat)
                {
                    csatSum += csat;
                    csatCount++;
                }
            }
        }

        x[CorePredictorIndex.TicketsOpened90d] = opened;
        x[CorePredictorIndex.TicketsOpen] = open;
        x[CorePredictorIndex.UrgentOpen] = urgent;
        x[CorePredictorIndex.UrgentOpenOver14d] = urgentOld;
        x[CorePredictorIndex.SlaBreached90d] = breached;
        x[CorePredictorIndex.MaxTier90d] = maxTier;
        x[CorePredictorIndex.CsatAvg180d] = csatCount > 0 ? csatSum / csatCount : double.NaN;
        x[CorePredictorIndex.MedianDaysToResolve180d] = resolveDays is null ? double.NaN : Median(resolveDays);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static void BillingPredictors(AccountTimeline account, DateTime at, Span<double> x)
    {
        if (account.Invoices is { } invoices)
        {
            var pastDue = 0;
            var maxOverdue = 0.0;
            foreach (var invoice in invoices)
            {
                if (invoice.IssuedAt >= at)
                {
                    break;
                }

                if (invoice.IsPastDueAt(at))
                {
                    pastDue++;
                    maxOverdue = Math.Max(maxOverdue, Math.Floor((at - invoice.DueAt).TotalDays));
                }
            }

            x[CorePredictorIndex.InvoicesPastDue] = pastDue;
            x[CorePredictorIndex.MaxDaysOverdue] = maxOverdue;
        }

        if (account.PaymentAttempts is { } attempts)
        {
            var from90 = at.AddDays(-90);
            var failed = 0;
            foreach (var attempt in attempts)
            {
                if (attempt.AttemptedAt >= at)
                {
                    break;
                }

                if (attempt.AttemptedAt >= from90 && !attempt.Succeeded)
                {
                    failed++;
                }
            }

            x[CorePredictorIndex.FailedPayments90d] = failed;
        }
    }
}
