namespace ChurnWatch.Worker.Reports;

/// <summary>One line of the report index.</summary>
/// <param name="OwnerEmail">The account manager.</param>
/// <param name="FileName">The manager's report page, relative to the index.</param>
/// <param name="Accounts">Accounts in the report.</param>
/// <param name="Arr">Their ARR.</param>
/// <param name="ArrAtRisk">Their expected ARR loss.</param>
/// <param name="HighRiskAccounts">Accounts in the high band.</param>
/// <param name="TopAccount">The account with the largest ARR at risk, the first line of the manager's page; null without accounts.</param>
public sealed record ManagerSummary(string OwnerEmail, string FileName, int Accounts, decimal Arr, decimal ArrAtRisk, int HighRiskAccounts, AccountRiskRow? TopAccount)
{
    /// <summary>The index line of <paramref name="report"/>.</summary>
    public static ManagerSummary From(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ranked = AccountRiskRow.Rank(report.Accounts);
        return new ManagerSummary(
            report.OwnerEmail,
            ReportFileName.ForOwner(report.OwnerEmail),
            report.Kpis.Accounts,
            report.Kpis.Arr,
            report.Kpis.ArrAtRisk,
            report.Kpis.HighRiskAccounts,
            ranked.Count > 0 ? ranked[0] : null);
    }
}
