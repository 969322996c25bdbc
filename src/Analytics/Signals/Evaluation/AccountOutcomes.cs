using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>
/// When each account churned (the model's definition, <see cref="ChurnEvents"/>) and expanded (MRR rose, the domain's
/// convention: any increase of a paying account), to judge signals against what happened after them.
/// </summary>
public sealed class AccountOutcomes
{
    private readonly Dictionary<string, DateTime[]> _churns;
    private readonly Dictionary<string, DateTime[]> _expansions;

    private AccountOutcomes(Dictionary<string, DateTime[]> churns, Dictionary<string, DateTime[]> expansions) => (_churns, _expansions) = (churns, expansions);

    /// <summary>Outcomes of every account with subscriptions; churn confirmed only once its grace period has passed by <see cref="CompanyHistory.DataAsOf"/>.</summary>
    public static AccountOutcomes Build(CompanyHistory history, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(history);
        var churns = new Dictionary<string, DateTime[]>(StringComparer.Ordinal);
        var expansions = new Dictionary<string, DateTime[]>(StringComparer.Ordinal);
        foreach (var group in history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal))
        {
            var subscriptions = group.ToList();
            churns[group.Key] = [.. ChurnEvents.Find(subscriptions, history.DataAsOf, graceDays)];
            expansions[group.Key] = [.. Expansions(subscriptions)];
        }

        return new AccountOutcomes(churns, expansions);
    }

    /// <summary>True when the account churned at or after <paramref name="from"/> and before <paramref name="days"/> days later.</summary>
    public bool ChurnedWithin(string accountId, DateTime from, int days) => Any(_churns, accountId, from, days);

    /// <summary>True when the account's MRR rose at or after <paramref name="from"/> and before <paramref name="days"/> days later.</summary>
    public bool ExpandedWithin(string accountId, DateTime from, int days) => Any(_expansions, accountId, from, days);

    private static bool Any(Dictionary<string, DateTime[]> events, string accountId, DateTime from, int days) =>
        events.TryGetValue(accountId, out var at) && at.Any(t => t >= from && t < from.AddDays(days));

    // A change ends one subscription and starts the next at the same instant, so MRR just before and at each start
    // tells whether it rose; a start after a gap (MRR 0 before) is a new or returning customer, not an expansion.
    private static IEnumerable<DateTime> Expansions(List<Subscription> subscriptions)
    {
        foreach (var start in subscriptions.Select(s => s.StartedAt).Distinct().Order())
        {
            var before = subscriptions.Where(s => s.IsActiveAt(start.AddTicks(-1))).Sum(s => s.Mrr);
            var at = subscriptions.Where(s => s.IsActiveAt(start)).Sum(s => s.Mrr);
            if (before > 0 && at > before)
            {
                yield return start;
            }
        }
    }
}
