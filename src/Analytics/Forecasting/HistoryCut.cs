using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The history as it was known at an instant: what happened after it is removed, and what was still open then is open
/// again (a subscription that ended later is running, a ticket resolved later is open, an invoice paid later is
/// unpaid). Training on it gives the model a forecast made at that instant would have had, for an out-of-sample backtest.
/// </summary>
public static class HistoryCut
{
    /// <summary>The history known at <paramref name="instant"/>; its data as of is that instant.</summary>
    public static CompanyHistory At(CompanyHistory history, DateTime instant)
    {
        ArgumentNullException.ThrowIfNull(history);
        var day = DateOnly.FromDateTime(instant);
        return new CompanyHistory(
            [.. history.Accounts.Where(a => a.CreatedAt < instant)],
            [.. history.Subscriptions.Where(s => s.StartedAt < instant).Select(s => s.EndedAt >= instant ? s with { EndedAt = null } : s)],
            [.. history.UsageDays.Where(d => d.Day < day)],
            // A week's distinct users are known once the week is over.
            [.. history.UsageWeeks.Where(w => w.WeekStart.AddDays(7) <= day)],
            history.Tickets is null ? null
                : [.. history.Tickets.Where(t => t.OpenedAt < instant).Select(t => t.ResolvedAt >= instant ? t with { ResolvedAt = null, Csat = null } : t)],
            history.Invoices is null ? null
                : [.. history.Invoices.Where(i => i.IssuedAt < instant).Select(i => i.PaidAt >= instant ? i with { PaidAt = null } : i)],
            history.PaymentAttempts is null ? null : [.. history.PaymentAttempts.Where(p => p.AttemptedAt < instant)],
            instant < history.DataAsOf ? instant : history.DataAsOf);
    }
}
