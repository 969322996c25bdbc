namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The accounts list's query string: owner, risk band, live signal kind, renewal within N days, and the order.
/// Unknown values are ignored rather than refused: a hand-edited link still shows a list.
/// </summary>
public sealed record AccountFilter(string? Owner, string? Band, string? Kind, int? RenewalWithinDays, string Sort)
{
    /// <summary>The orders offered: risk x ARR (default), churn probability, ARR, renewal date.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
        [("risk", "risk x ARR"), ("churn", "churn probability"), ("arr", "ARR"), ("renewal", "renewal date")];

    public static AccountFilter Parse(Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        static string? Value(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var renewal = int.TryParse(query("renewal"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3660 ? days : (int?)null;
        var sort = Value(query("sort")) is { } s && Sorts.Any(x => x.Key == s) ? s : "risk";
        return new AccountFilter(Value(query("owner")), Value(query("band")), Value(query("kind")), renewal, sort);
    }

    public IEnumerable<AccountSummary> Apply(IEnumerable<AccountSummary> accounts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var rows = accounts
            .Where(a => Owner is null || string.Equals(a.Owner, Owner, StringComparison.OrdinalIgnoreCase))
            .Where(a => Band is null || string.Equals(a.Band, Band, StringComparison.OrdinalIgnoreCase))
            .Where(a => Kind is null || a.SignalKinds.Contains(Kind, StringComparer.Ordinal))
            .Where(a => RenewalWithinDays is not { } d || (a.Renewal is { } r && r.DayNumber - today.DayNumber <= d));
        return Sort switch
        {
            "churn" => rows.OrderByDescending(a => a.Churn ?? -1).ThenBy(a => a.AccountId, StringComparer.Ordinal),
            "arr" => rows.OrderByDescending(a => a.Arr).ThenBy(a => a.AccountId, StringComparer.Ordinal),
            "renewal" => rows.OrderBy(a => a.Renewal ?? DateOnly.MaxValue).ThenBy(a => a.AccountId, StringComparer.Ordinal),
            _ => rows.OrderByDescending(a => a.ArrAtRisk).ThenBy(a => a.AccountId, StringComparer.Ordinal),
        };
    }
}
