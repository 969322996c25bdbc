namespace ChurnWatch.Worker.Reports;

/// <summary>The headline numbers of a report.</summary>
/// <param name="Accounts">Accounts listed.</param>
/// <param name="Arr">Their total ARR.</param>
/// <param name="ArrAtRisk">Sum over accounts of ARR x churn probability: the expected ARR loss.</param>
/// <param name="HighRiskAccounts">Accounts in the high band.</param>
/// <param name="RenewalsDue">Renewals within <paramref name="RenewalWindowDays"/> days of the as-of date.</param>
/// <param name="RenewalArrDue">ARR of those renewals.</param>
/// <param name="RenewalWindowDays">The renewal window, 90 days by default.</param>
public sealed record ReportKpis(int Accounts, decimal Arr, decimal ArrAtRisk, int HighRiskAccounts, int RenewalsDue, decimal RenewalArrDue, int RenewalWindowDays)
{
    /// <summary>The default renewal window: a quarter, the usual planning horizon of account managers.</summary>
    public const int DefaultRenewalWindowDays = 90;

    /// <summary>The rows whose renewal is on or after <paramref name="asOf"/> and before <paramref name="asOf"/> + <paramref name="windowDays"/>, in the order given.</summary>
    public static IEnumerable<AccountRiskRow> RenewalsDueIn(IEnumerable<AccountRiskRow> rows, DateOnly asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var end = asOf.AddDays(windowDays);
        return rows.Where(r => r.RenewalDate is { } d && d >= asOf && d < end);
    }

    /// <summary>
    /// Computes the KPIs from the rows, so the tiles always agree with the table below them. A renewal is due when
    /// its date is on or after <paramref name="asOf"/> and before <paramref name="asOf"/> + window.
    /// </summary>
    public static ReportKpis FromRows(IReadOnlyCollection<AccountRiskRow> rows, DateOnly asOf, int renewalWindowDays = DefaultRenewalWindowDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(renewalWindowDays, 1);
        var due = RenewalsDueIn(rows, asOf, renewalWindowDays).ToList();
        return new ReportKpis(
            rows.Count,
            rows.Sum(r => r.Arr),
            rows.Sum(r => r.ArrAtRisk),
            rows.Count(r => r.Band == Analytics.Scoring.RiskBand.High),
            due.Count,
            due.Sum(r => r.Arr),
            renewalWindowDays);
    }
}
