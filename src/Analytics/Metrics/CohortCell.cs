namespace ChurnWatch.Analytics.Metrics;

/// <summary>One cell of the cohort retention table: a sign-up cohort, some months after its first month.</summary>
/// <param name="Cohort">First day of the month of the cohort's first subscription.</param>
/// <param name="MonthsSinceStart">0 for the cohort's own month; the cell is measured at the end of that month.</param>
/// <param name="Accounts">Accounts in the cohort.</param>
/// <param name="StartingMrr">Sum of the cohort's MRR at each account's first subscription.</param>
/// <param name="ActiveAccounts">Cohort accounts that are customers at the end of the month.</param>
/// <param name="Mrr">The cohort's MRR at the end of the month.</param>
public sealed record CohortCell(DateOnly Cohort, int MonthsSinceStart, int Accounts, decimal StartingMrr, int ActiveAccounts, decimal Mrr)
{
    /// <summary>Active accounts / accounts.</summary>
    public double? LogoRetention => Accounts == 0 ? null : (double)ActiveAccounts / Accounts;

    /// <summary>MRR / starting MRR; above 1 when the cohort expanded more than it lost.</summary>
    public double? MrrRetention => StartingMrr == 0 ? null : (double)(Mrr / StartingMrr);
}
