using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// The commercial facts of each account active at a date: owner, plan, MRR/ARR and next renewal. Reports, signals
/// and the forecast all weigh risk by these numbers, so they are computed once, here.
/// </summary>
internal sealed class AccountBook
{
    private readonly Dictionary<string, AccountPosition> _positions;

    private AccountBook(Dictionary<string, AccountPosition> positions) => _positions = positions;

    public IReadOnlyCollection<AccountPosition> Active => _positions.Values;

    public AccountPosition this[string accountId] => _positions[accountId];

    public bool TryGet(string accountId, out AccountPosition position) => _positions.TryGetValue(accountId, out position!);

    /// <param name="history">Accounts and subscriptions.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="unassignedOwner">The owner of accounts whose owner is empty (<c>Output:UnassignedOwner</c>).</param>
    public static AccountBook AsOf(CompanyHistory history, DateOnly asOf, string unassignedOwner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unassignedOwner);
        var instant = asOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var accounts = history.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var positions = new Dictionary<string, AccountPosition>(StringComparer.Ordinal);
        foreach (var group in history.Subscriptions.Where(s => s.IsActiveAt(instant)).GroupBy(s => s.AccountId))
        {
            if (!accounts.TryGetValue(group.Key, out var account))
            {
                continue;
            }

            var mrr = group.Sum(s => s.Mrr);
            var main = group.OrderByDescending(s => s.Mrr).ThenBy(s => s.SubscriptionId, StringComparer.Ordinal).First();
            var renewal = group.Where(s => s.RenewalDate >= asOf).Select(s => s.RenewalDate).Min();
            var seats = group.Sum(s => s.Seats ?? 0);
            if (string.IsNullOrWhiteSpace(account.OwnerEmail))
            {
                // Resolved once here, so signals, their weekly cap, reports and the account CSV all agree on the owner.
                account = account with { OwnerEmail = unassignedOwner };
            }

            positions[group.Key] = new AccountPosition(account, main.Plan, mrr, 12 * mrr, seats > 0 ? seats : account.SeatsLicensed, renewal);
        }

        return new AccountBook(positions);
    }
}
