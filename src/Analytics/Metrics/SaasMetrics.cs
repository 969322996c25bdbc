using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Metrics;

/// <summary>
/// The monthly MRR bridge, logo and revenue churn, GRR, NRR and cohort retention (the definitions of
/// docs/exports.md). Each customer's MRR is measured at the last instant of each month (a subscription that starts on
/// the 1st is new in that month; one that runs to the end of a month is lost in the next), and a month's movement is
/// the change between the end of the month before and its own end, so the bridge adds up exactly; changes that undo
/// each other within a month net out.
/// </summary>
public static class SaasMetrics
{
    /// <summary>
    /// The first of the <paramref name="months"/> complete calendar months before <paramref name="dataAsOf"/>: a month
    /// is complete when the data reaches its last instant.
    /// </summary>
    public static DateOnly FirstOfLastCompleteMonths(DateTime dataAsOf, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var next = new DateOnly(dataAsOf.Year, dataAsOf.Month, 1);
        // The month holding dataAsOf is complete only when dataAsOf is the very first instant of the next month.
        return next.AddMonths(-months);
    }

    /// <summary>
    /// The window of the last <paramref name="months"/> complete calendar months before the data's end, started no
    /// earlier than the month of the first subscription: months before any customer would be empty rows of zeros.
    /// Fewer months when the data is shorter; throws when it holds no complete month yet.
    /// </summary>
    public static (DateOnly FirstMonth, int Months) LastCompleteMonths(CompanyHistory history, int months)
    {
        ArgumentNullException.ThrowIfNull(history);
        var first = FirstOfLastCompleteMonths(history.DataAsOf, months);
        if (history.Subscriptions.Count == 0)
        {
            return (first, months);
        }

        var start = history.Subscriptions.Min(s => s.StartedAt);
        var startMonth = new DateOnly(start.Year, start.Month, 1);
        if (startMonth <= first)
        {
            return (first, months);
        }

        var end = first.AddMonths(months);
        var held = ((end.Year - startMonth.Year) * 12) + end.Month - startMonth.Month;
        if (held < 1)
        {
            throw new InvalidOperationException(
                $"The data starts on {start:yyyy-MM-dd} and ends {history.DataAsOf:yyyy-MM-dd HH:mm} UTC: it holds no complete calendar month yet, so there are no monthly metrics.");
        }

        return (startMonth, held);
    }

    /// <summary>Computes the metrics of <paramref name="months"/> calendar months from <paramref name="firstMonth"/>.</summary>
    public static SaasMetricsReport Compute(CompanyHistory history, DateOnly firstMonth, int months, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        options.Validate();
        var start = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var accounts = Accounts(history, options);

        var bridge = new List<MrrMonth>(months);
        for (var m = 0; m < months; m++)
        {
            bridge.Add(Month(accounts, start.AddMonths(m), options));
        }

        var cohorts = new List<CohortCell>();
        var end = start.AddMonths(months);
        foreach (var cohort in accounts.Where(a => a.FirstPaidStart is { } f && f >= Instant(start) && f < Instant(end))
                     .GroupBy(a => MonthOf(a.FirstPaidStart!.Value))
                     .OrderBy(g => g.Key))
        {
            var members = cohort.ToList();
            var startingMrr = members.Sum(a => a.Raw(a.FirstPaidStart!.Value));
            for (var k = 0; cohort.Key.AddMonths(k) < end; k++)
            {
                var at = EndOf(cohort.Key.AddMonths(k));
                var mrr = members.Select(a => a.At(at)).ToList();
                cohorts.Add(new CohortCell(cohort.Key, k, members.Count, startingMrr, mrr.Count(v => v > 0), mrr.Sum()));
            }
        }

        return new SaasMetricsReport(bridge, cohorts, options, history.DataAsOf);
    }

    private static MrrMonth Month(IReadOnlyList<AccountMrr> accounts, DateOnly month, MetricsOptions options)
    {
        var from = EndOf(month.AddMonths(-1));
        var to = EndOf(month);
        decimal startMrr = 0, newMrr = 0, expansion = 0, contraction = 0, churned = 0, reactivation = 0, endMrr = 0;
        int customersStart = 0, newCustomers = 0, reactivated = 0, churnedCustomers = 0, customersEnd = 0, sameMonth = 0;
        foreach (var account in accounts)
        {
            var before = account.At(from);
            var after = account.At(to);
            startMrr += before;
            endMrr += after;
            customersStart += before > 0 ? 1 : 0;
            customersEnd += after > 0 ? 1 : 0;
            if (before > 0 && after > 0)
            {
                expansion += Math.Max(0, after - before);
                contraction += Math.Max(0, before - after);
            }
            else if (before > 0)
            {
                churned += before;
                churnedCustomers++;
            }
            else if (after > 0)
            {
                if (account.FirstPaidStart <= from)
                {
                    reactivation += after;
                    reactivated++;
                }
                else
                {
                    newMrr += after;
                    newCustomers++;
                }
            }
            else if (account.FirstPaidStart is { } first && first > from && first <= to)
            {
                sameMonth++;
                if (options.SameMonthSignupAndCancel == SameMonthCancellation.CountAsNewAndChurn)
                {
                    // Won and lost in the month: in both columns, so the bridge still adds up and shows the business.
                    var mrr = account.Raw(first);
                    newMrr += mrr;
                    churned += mrr;
                }
            }
        }

        return new MrrMonth(month, startMrr, newMrr, expansion, contraction, churned, reactivation, endMrr,
            customersStart, newCustomers, reactivated, churnedCustomers, customersEnd, sameMonth);
    }

    private static List<AccountMrr> Accounts(CompanyHistory history, MetricsOptions options)
    {
        var invoices = (history.Invoices ?? []).ToLookup(i => i.AccountId, StringComparer.Ordinal);
        return history.Subscriptions
            .GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AccountMrr(g.Key, g, invoices[g.Key], options))
            .ToList();
    }

    /// <summary>The last instant of a month: what a month-end snapshot measures.</summary>
    private static DateTime EndOf(DateOnly month) => Instant(month.AddMonths(1)).AddTicks(-1);

    private static DateOnly MonthOf(DateTime instant) => new(instant.Year, instant.Month, 1);

    private static DateTime Instant(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
