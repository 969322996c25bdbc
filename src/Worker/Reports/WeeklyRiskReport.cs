using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Worker.Reports;

/// <summary>Everything one account manager's weekly risk report shows. Writers only format it; they compute nothing that could disagree.</summary>
/// <param name="OwnerEmail">The account manager.</param>
/// <param name="AsOf">The observation date of the scores.</param>
/// <param name="GeneratedAt">When the report was made (UTC), from the injected clock.</param>
/// <param name="Sources">Freshness of each source the scores used.</param>
/// <param name="ModelName">The model that scored the accounts, for example "gradient-boosted trees v3".</param>
/// <param name="Backtest">That model's time-split backtest.</param>
/// <param name="Kpis">Headline numbers, see <see cref="ReportKpis.FromRows"/>.</param>
/// <param name="Accounts">The manager's accounts, in any order; writers rank them.</param>
/// <param name="SignalCounts">Open signals per kind, see <see cref="SignalCount.FromRows"/>.</param>
/// <param name="Conventions">The conventions printed in the footer.</param>
public sealed record WeeklyRiskReport(
    string OwnerEmail,
    DateOnly AsOf,
    DateTime GeneratedAt,
    IReadOnlyList<SourceAsOf> Sources,
    string ModelName,
    BacktestReport Backtest,
    ReportKpis Kpis,
    IReadOnlyList<AccountRiskRow> Accounts,
    IReadOnlyList<SignalCount> SignalCounts,
    ReportConventions Conventions)
{
    /// <summary>
    /// Builds a report whose KPIs and signal counts are computed from <paramref name="accounts"/>, so the tiles, the
    /// chart and the table can never disagree.
    /// </summary>
    public static WeeklyRiskReport Create(
        string ownerEmail,
        DateOnly asOf,
        DateTime generatedAt,
        IReadOnlyList<SourceAsOf> sources,
        string modelName,
        BacktestReport backtest,
        IReadOnlyList<AccountRiskRow> accounts,
        ReportConventions conventions,
        int renewalWindowDays = ReportKpis.DefaultRenewalWindowDays)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return new WeeklyRiskReport(
            ownerEmail,
            asOf,
            generatedAt,
            sources,
            modelName,
            backtest,
            ReportKpis.FromRows(accounts, asOf, renewalWindowDays),
            accounts,
            SignalCount.FromRows(accounts),
            conventions);
    }

    /// <summary>
    /// Signals on this manager's accounts that the report does not list: acknowledged, snoozed or over the weekly cap.
    /// Printed so that a quiet report is never mistaken for a quiet book; 0 unless the signal step supplies it.
    /// </summary>
    public int HeldBackSignals { get; init; }

    /// <summary>Whether any source is stale.</summary>
    public bool AnySourceStale => Sources.Any(s => s.IsStale);
}
