using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Metrics;

/// <summary>
/// One account's MRR at any instant under the metrics conventions: the sum of its active subscriptions, carried
/// through a gap shorter than the grace period, and zero while delinquent when the conventions say so.
/// </summary>
internal sealed class AccountMrr
{
    private readonly Subscription[] _subscriptions;
    private readonly Invoice[] _invoices;
    private readonly MetricsOptions _options;

    public AccountMrr(string accountId, IEnumerable<Subscription> subscriptions, IEnumerable<Invoice> invoices, MetricsOptions options)
    {
        AccountId = accountId;
        _subscriptions = [.. subscriptions.OrderBy(s => s.StartedAt).ThenBy(s => s.SubscriptionId, StringComparer.Ordinal)];
        _invoices = [.. invoices];
        _options = options;
        FirstPaidStart = _subscriptions.Where(s => s.Mrr > 0).Select(s => (DateTime?)s.StartedAt).FirstOrDefault();
    }

    public string AccountId { get; }

    /// <summary>When the account first paid: the start of its first subscription with MRR; null if it never paid.</summary>
    public DateTime? FirstPaidStart { get; }

    /// <summary>The account's MRR at <paramref name="instant"/> under the conventions.</summary>
    public decimal At(DateTime instant)
    {
        if (_options.Delinquent == DelinquentTreatment.CountAsChurned && IsDelinquentAt(instant))
            return 0m;
        var mrr = Raw(instant);
        if (mrr > 0)
            return mrr;

        // Nothing runs now. If the account had a subscription that ended and a new one starts within the grace period
        // of that end, this is a gap, not churn (the churn definition): carry the MRR it had just before the gap.
        DateTime? lastEnd = null;
        DateTime? nextStart = null;
        foreach (var s in _subscriptions)
        {
            if (s.EndedAt is { } end && end <= instant && (lastEnd is null || end > lastEnd))
                lastEnd = end;
            if (s.StartedAt > instant && (nextStart is null || s.StartedAt < nextStart))
                nextStart = s.StartedAt;
        }

        return lastEnd is { } gapStart && nextStart is { } gapEnd && gapEnd <= gapStart.AddDays(_options.GraceDays)
            ? Raw(gapStart.AddTicks(-1))
            : 0m;
    }

    /// <summary>Sum of the MRR of the subscriptions running at <paramref name="instant"/>, without conventions.</summary>
    public decimal Raw(DateTime instant)
    {
        var mrr = 0m;
        foreach (var s in _subscriptions)
        {
            if (s.IsActiveAt(instant))
                mrr += s.Mrr;
        }

        return mrr;
    }

    private bool IsDelinquentAt(DateTime instant)
    {
        foreach (var invoice in _invoices)
        {
            // Dates, not the invoice's current status: an invoice paid late was delinquent until it was paid.
            if (invoice.DueAt.AddDays(_options.DelinquentAfterDays) <= instant && (invoice.PaidAt is null || invoice.PaidAt > instant))
                return true;
        }

        return false;
    }
}
