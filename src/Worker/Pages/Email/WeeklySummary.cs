using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Pages.Email;

/// <summary>
/// What the weekly email's summary shows, chosen from a manager's report: the key figures, the accounts whose risk moved
/// most, the accounts with the most ARR at risk, the signals new this week and the renewals due soon. Short lists, so
/// the message stays well under the size at which Gmail clips it; the full report travels as an attachment.
/// </summary>
public sealed record WeeklySummary
{
    /// <summary>Accounts listed as most at risk.</summary>
    public const int AccountsListed = 10;

    /// <summary>Accounts listed in each direction of change.</summary>
    public const int MovesListed = 5;

    /// <summary>New signals and renewals listed.</summary>
    public const int ItemsListed = 10;

    /// <summary>The account manager.</summary>
    public required string OwnerEmail { get; init; }

    /// <summary>The scores' as-of date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>When the report was made (UTC).</summary>
    public required DateTime GeneratedAt { get; init; }

    /// <summary>The model, for example "Logistic regression (L2)".</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's backtest AUC.</summary>
    public required double BacktestAuc { get; init; }

    /// <summary>The currency code of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>Sources that are late.</summary>
    public required IReadOnlyList<StaleSource> StaleSources { get; init; }

    /// <summary>Accounts owned.</summary>
    public required int Accounts { get; init; }

    /// <summary>Accounts in the high band.</summary>
    public required int HighRiskAccounts { get; init; }

    /// <summary>Their total ARR.</summary>
    public required decimal Arr { get; init; }

    /// <summary>Their expected ARR loss.</summary>
    public required decimal ArrAtRisk { get; init; }

    /// <summary>The renewal window in days (90 by default).</summary>
    public required int RenewalWindowDays { get; init; }

    /// <summary>ARR of the renewals in the window.</summary>
    public required decimal RenewalArrDue { get; init; }

    /// <summary>Accounts whose churn probability rose most since last week.</summary>
    public required IReadOnlyList<SummaryAccount> Worse { get; init; }

    /// <summary>Accounts whose churn probability fell most.</summary>
    public required IReadOnlyList<SummaryAccount> Better { get; init; }

    /// <summary>The accounts with the most ARR at risk.</summary>
    public required IReadOnlyList<SummaryAccount> MostAtRisk { get; init; }

    /// <summary>Signals first seen this week, most severe first, then by the account's ARR at risk.</summary>
    public required IReadOnlyList<SummarySignal> NewSignals { get; init; }

    /// <summary>All new signals, of which <see cref="NewSignals"/> are listed.</summary>
    public required int NewSignalsTotal { get; init; }

    /// <summary>Renewals within the window, soonest first.</summary>
    public required IReadOnlyList<SummaryAccount> Renewals { get; init; }

    /// <summary>All renewals in the window, of which <see cref="Renewals"/> are listed.</summary>
    public required int RenewalsTotal { get; init; }

    /// <summary>The summary of <paramref name="report"/>.</summary>
    internal static WeeklySummary From(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Accounts;
        var worse = AccountRiskRow.MovedMost(rows, worse: true, MovesListed);
        var better = AccountRiskRow.MovedMost(rows, worse: false, MovesListed);
        var newSignals = rows.SelectMany(r => r.Signals.Where(s => s.IsNew).Select(s => (Account: r, Signal: s)))
            .OrderByDescending(x => x.Signal.Severity).ThenByDescending(x => x.Account.ArrAtRisk)
            .ThenBy(x => x.Account.AccountId, StringComparer.Ordinal).ThenBy(x => x.Signal.Kind).ToList();
        // The same window as the key figure above it, so the list and the count agree.
        var renewals = ReportKpis.RenewalsDueIn(rows, report.AsOf, report.Kpis.RenewalWindowDays)
            .OrderBy(r => r.RenewalDate).ThenByDescending(r => r.Arr).ThenBy(r => r.AccountId, StringComparer.Ordinal).ToList();
        return new WeeklySummary
        {
            OwnerEmail = report.OwnerEmail,
            AsOf = report.AsOf,
            GeneratedAt = report.GeneratedAt,
            ModelName = report.ModelName,
            BacktestAuc = report.Backtest.Auc,
            Currency = report.Conventions.Currency,
            StaleSources = report.Sources.Where(s => s.IsStale).Select(s => new StaleSource(s.Source, s.NewestData, s.AgeAt(report.GeneratedAt))).ToList(),
            Accounts = report.Kpis.Accounts,
            HighRiskAccounts = report.Kpis.HighRiskAccounts,
            Arr = report.Kpis.Arr,
            ArrAtRisk = report.Kpis.ArrAtRisk,
            RenewalWindowDays = report.Kpis.RenewalWindowDays,
            RenewalArrDue = report.Kpis.RenewalArrDue,
            Worse = worse.Select(Account).ToList(),
            Better = better.Select(Account).ToList(),
            MostAtRisk = AccountRiskRow.Rank(rows).Take(AccountsListed).Select(Account).ToList(),
            NewSignals = newSignals.Take(ItemsListed)
                .Select(x => new SummarySignal(x.Account.Name, SignalLabels.Kind(x.Signal.Kind), x.Signal.Severity.ToString().ToLowerInvariant(), x.Signal.Evidence)).ToList(),
            NewSignalsTotal = newSignals.Count,
            Renewals = renewals.Take(ItemsListed).Select(Account).ToList(),
            RenewalsTotal = renewals.Count,
        };
    }

    private static SummaryAccount Account(AccountRiskRow row) => new(
        row.AccountId,
        row.Name,
        row.Plan,
        row.Arr,
        row.ChurnProbability,
        row.Band.ToString().ToLowerInvariant(),
        row.ArrAtRisk,
        row.TopReasons.Count > 0 ? row.TopReasons[0] : null,
        row.ChurnProbabilityChange,
        row.RenewalDate,
        row.RenewalProbability,
        row.ReasonsProtect,
        row.Context,
        row.NextStep,
        row.Changes.Count > 0 ? row.Changes[0] : null);
}
