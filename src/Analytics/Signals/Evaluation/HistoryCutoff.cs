using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>
/// A company's history as it was known at an instant: what happened later is removed, and states that changed later
/// (an end, a resolution, a payment) are as they were then. Training a model on it and scoring later dates keeps an
/// evaluation honest: the model has never seen what it is judged on.
/// </summary>
public static class HistoryCutoff
{
    /// <summary>The history known strictly before <paramref name="cutoff"/> (UTC).</summary>
    public static CompanyHistory Before(CompanyHistory history, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(history);
        var day = DateOnly.FromDateTime(cutoff);
        return new CompanyHistory(
            [.. history.Accounts.Where(a => a.CreatedAt < cutoff)],
            [.. history.Subscriptions.Where(s => s.StartedAt < cutoff).Select(s => s.EndedAt >= cutoff ? s with { EndedAt = null } : s)],
            [.. history.UsageDays.Where(d => d.Day < day)],
            [.. history.UsageWeeks.Where(w => w.WeekStart.AddDays(7) <= day)],
            history.Tickets is { } tickets
                ? [.. tickets.Where(t => t.OpenedAt < cutoff).Select(t => t.ResolvedAt >= cutoff ? t with { ResolvedAt = null, Csat = null } : t)]
                : null,
            history.Invoices is { } invoices
                ? [.. invoices.Where(i => i.IssuedAt < cutoff).Select(i => i.PaidAt >= cutoff ? i with { PaidAt = null } : i)]
                : null,
            history.PaymentAttempts is { } attempts ? [.. attempts.Where(p => p.AttemptedAt < cutoff)] : null,
            cutoff < history.DataAsOf ? cutoff : history.DataAsOf);
    }
}
