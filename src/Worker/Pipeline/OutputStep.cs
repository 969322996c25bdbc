using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// Writes what the three kinds of users come for: a weekly risk report per account manager with an index and the
/// all-accounts CSV and the feature-usage CSV (finance's files are <see cref="ForecastStep"/>'s). Every file is written
/// atomically.
/// </summary>
internal sealed class OutputStep(
    IOptions<OutputOptions> output,
    IOptions<ModelingOptions> modeling,
    IOptions<NextStepOptions> nextSteps,
    HistoryStore historyStore,
    ScoreStore scoreStore,
    SignalStore signalStore,
    TimeProvider timeProvider)
{
    /// <summary>Weeks of account x feature x week rows in the feature-usage export: half a year shows a trend without a huge file.</summary>
    public const int FeatureUsageWeeks = 26;

    /// <param name="ledger">Every account and subscription (the report currency).</param>
    /// <param name="book">Active accounts with owner, plan, ARR and renewal.</param>
    /// <param name="activity">Active accounts' activity (weekly active users for the reports' charts).</param>
    /// <param name="scores">This date's scores.</param>
    /// <param name="models">The models that scored (named in the reports, with their backtest).</param>
    /// <param name="asOf">The observation date.</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    public async Task<OutputStepResult> RunAsync(
        CompanyHistory ledger,
        AccountBook book,
        IReadOnlyList<AccountActivity> activity,
        IReadOnlyList<AccountScore> scores,
        TrainedModels models,
        DateOnly asOf,
        CancellationToken cancellationToken)
    {
        var folder = output.Value.Folder;
        Directory.CreateDirectory(folder);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var live = await signalStore.LiveAsync(cancellationToken).ConfigureAwait(false);
        var rows = await AccountRowsAsync(book, activity, scores, live, asOf, cancellationToken).ConfigureAwait(false);
        // Acknowledged, snoozed and over-the-weekly-cap signals are not listed, but each report says how many there are.
        var heldBack = live
            .Where(s => !s.InReport && book.TryGet(s.AccountId, out _))
            .GroupBy(s => book[s.AccountId].Account.OwnerEmail, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var sources = (await historyStore.FreshnessAsync(cancellationToken).ConfigureAwait(false))
            .Where(f => f.Provided && f.NewestDataAt is not null)
            .Select(f => SourceAsOf.FromStore(f, now, output.Value.StaleAfter))
            .ToList();
        var conventions = new ReportConventions(modeling.Value.HorizonDays, modeling.Value.GraceDays, Currency(ledger),
            modeling.Value.MediumRiskThreshold, modeling.Value.HighRiskThreshold);
        var backtest = models.Churn.Backtest ?? throw new InvalidOperationException(
            "The churn model has no backtest: the history is too short to test on later dates. Reports need one to say how far to trust the scores.");

        var reports = rows
            .GroupBy(r => r.OwnerEmail, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => WeeklyRiskReport.Create(g.Key, asOf, now, sources, ModelName(models.Churn), backtest, AccountRiskRow.Rank(g), conventions, output.Value.RenewalWindowDays)
                with { HeldBackSignals = heldBack.GetValueOrDefault(g.Key) })
            .ToList();
        var files = new List<string>(WeeklyRiskReportPublisher.Publish(Path.Combine(folder, "reports"), asOf, reports));

        var accountCsv = Path.Combine(folder, AccountRiskCsv.FileName);
        AccountRiskCsv.WriteFile(accountCsv, asOf, AccountRiskRow.Rank(rows));
        files.Add(accountCsv);

        var usageCsv = Path.Combine(folder, FeatureUsageExport.FileName);
        var firstWeek = asOf.AddDays(-7 * FeatureUsageWeeks);
        var accounts = book.Active.ToDictionary(p => p.Account.AccountId, p => FeatureUsageAccount.From(p.Account, p.Plan) with { Seats = p.Seats }, StringComparer.Ordinal);
        // Streamed from the store in week, account, feature order: a 50,000-account company has millions of rows.
        var weeks = historyStore.FeatureWeeks(firstWeek, asOf, cancellationToken).Where(w => accounts.ContainsKey(w.AccountId));
        FeatureUsageExport.WriteFile(usageCsv, weeks, accounts, cancellationToken);
        files.Add(usageCsv);

        // CSVs cannot carry their own "data as of" header: one file beside them states it for all.
        var freshnessCsv = Path.Combine(folder, DataFreshnessCsv.FileName);
        DataFreshnessCsv.WriteFile(freshnessCsv, now, sources);
        files.Add(freshnessCsv);

        return new OutputStepResult(files, reports.Count, sources.Where(s => s.IsStale).ToList());
    }

    private async Task<List<AccountRiskRow>> AccountRowsAsync(
        AccountBook book, IReadOnlyList<AccountActivity> activity, IReadOnlyList<AccountScore> scores, IReadOnlyList<StoredSignal> signals, DateOnly asOf, CancellationToken cancellationToken)
    {
        var previous = await scoreStore.PreviousAsync(asOf, cancellationToken).ConfigureAwait(false);
        var live = signals.Where(s => s.InReport).ToLookup(s => s.AccountId, StringComparer.Ordinal);
        var today = StoreText.Date(asOf);
        var usage = activity.ToDictionary(a => a.AccountId, a => a.WeeklyActiveUsers, StringComparer.Ordinal);
        var steps = nextSteps.Value.ToTexts(output.Value.RenewalWindowDays);
        var rows = new List<AccountRiskRow>(scores.Count);
        foreach (var score in scores)
        {
            if (!book.TryGet(score.AccountId, out var position))
            {
                continue;
            }

            var open = live[score.AccountId]
                .Select(s => new OpenSignal(Enum.Parse<SignalKind>(s.Kind), Enum.Parse<SignalSeverity>(s.Severity), s.Evidence, IsNew: s.ReportedOn == today))
                .ToList();
            rows.Add(new AccountRiskRow(
                score.AccountId,
                position.Account.Name,
                position.Account.OwnerEmail,
                position.Account.Segment,
                position.Plan,
                position.Arr,
                score.ChurnProbability,
                score.RenewalProbability,
                score.Band,
                Change(score, previous),
                position.RenewalDate,
                score.Reasons.Select(r => r.Sentence).ToList(),
                open,
                usage.TryGetValue(score.AccountId, out var weeks) ? weeks : [])
            {
                Context = score.Context,
                Changes = ChangesAlong(score, Change(score, previous)),
                ReasonsProtect = score.Reasons.Count > 0 && score.Reasons.All(r => r.IsProtective),
                NextStep = NextSteps.For(score.Reasons, position.RenewalDate is { } renewal ? renewal.DayNumber - asOf.DayNumber : null, steps),
            });
        }

        return rows;
    }

    /// <summary>
    /// The change since last week's stored score; on a first run (none stored), since the current model's score of the
    /// data a week earlier.
    /// </summary>
    private static double? Change(AccountScore score, IReadOnlyDictionary<string, double> previous) =>
        previous.TryGetValue(score.AccountId, out var before) ? score.ChurnProbability - before : score.ChurnProbability - score.ChurnProbabilityWeekBefore;

    /// <summary>
    /// What moved the score, where it moved the way the report's change says: after a retraining the stored score of
    /// last week came from another model, and drivers measured under today's model could point the other way.
    /// </summary>
    private static IReadOnlyList<string> ChangesAlong(AccountScore score, double? change) =>
        change is { } c && score.Changes.Count > 0 && Math.Sign(c) == Math.Sign(score.Changes[0].Contribution)
            ? [.. score.Changes.Select(r => r.Sentence)]
            : [];

    private static string ModelName(RiskModel model) =>
        model.Learner == RiskModel.LogisticRegressionLearner ? "Logistic regression (L2), time-split backtest" : model.Learner;

    private static string Currency(CompanyHistory ledger) =>
        ledger.Subscriptions.GroupBy(s => s.Currency).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "USD";
}
