using System.Globalization;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// The renewal forecast from the latest scoring, and its backtest. Past forecasts need renewal probabilities as of
/// past dates: the scores stored for that date when an earlier run made them, otherwise today's model applied to
/// the predictors as of the date. The latter is in-sample (the model trained on those dates' outcomes), so the
/// backtest then flatters the forecast; every output says which was used. Asked to retrain, it trains the models at
/// each forecast date on the history as known then instead (out-of-sample; falling back to in-sample for a date whose
/// history cannot train a model yet).
/// </summary>
internal sealed class RenewalForecastService(
    FinanceStore store, HistoryStore historyStore, ScoreStore scores, ModelStore models, IOptions<ModelingOptions> modeling, IOptions<StoreOptions> storeOptions)
{
    /// <summary>Lead times of the backtest, in months: a quarter and a half-year ahead, the horizons finance plans on.</summary>
    public static IReadOnlyList<int> Leads { get; } = [3, 6];

    /// <summary>The forecast, without progress (the weekly job).</summary>
    public Task<RenewalForecastResult> RunAsync(RenewalForecastRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, SilentProgress.Instance, cancellationToken);

    /// <summary>The forecast; the backtest's models for past dates, the long part, report their progress as one step.</summary>
    public async Task<RenewalForecastResult> RunAsync(RenewalForecastRequest request, IPipelineProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var (history, sources, now) = await store.LoadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var asOf = await scores.LatestAsOfAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NothingToComputeException("The store holds no scores yet: the forecast weighs each renewal by its scored probability. " + FinanceStore.RunDemoFirst);
        var latest = await scores.ProbabilitiesAsync(asOf, cancellationToken).ConfigureAwait(false);
        var exposures = RenewalBook.At(history, asOf, id => latest.TryGetValue(id, out var p) ? Renewal(p) : null);
        var options = modeling.Value;
        // The baseline beside the model: the renewal rate of the renewals settled in the year before the scoring date.
        var trailingRate = TrailingRenewalRate.At(history, asOf, options.GraceDays);
        // Seeded by the date, as the demo's forecast is: the same scores give the same range.
        var seed = asOf.DayNumber;
        var total = RenewalForecaster.Forecast(exposures, asOf, request.Months, seed, trailingRate);
        var bySegment = request.BySegment ? RenewalForecaster.ForecastBySegment(exposures, asOf, request.Months, seed, trailingRate) : null;

        // Month-to-month revenue: the accounts without a renewal date, weighted by their churn probabilities.
        var monthToMonth = MonthToMonthBook.At(history, asOf, id => latest.TryGetValue(id, out var p) ? p.Churn : null);
        var monthToMonthRate = MonthToMonthChurnRate.Trailing(history, asOf, options.GraceDays);
        var monthToMonthTotal = MonthToMonthForecaster.Forecast(monthToMonth, asOf, request.Months, options.HorizonDays, monthToMonthRate);
        var monthToMonthBySegment = request.BySegment ? MonthToMonthForecaster.ForecastBySegment(monthToMonth, asOf, request.Months, options.HorizonDays, monthToMonthRate) : null;

        var backtest = new List<RenewalBacktestMonth>();
        var monthToMonthBacktest = new List<MonthToMonthBacktestMonth>();
        var probabilitySources = new Dictionary<DateOnly, string>();
        IReadOnlyDictionary<int, ForecastCalibration?>? renewalCalibration = null, monthToMonthCalibration = null;
        if (request.BacktestMonths > 0)
        {
            var lastMonth = RenewalForecastBacktest.LastSettledMonth(history.DataAsOf, options.GraceDays);
            var firstMonth = lastMonth.AddMonths(-(request.BacktestMonths - 1));
            // Usage, tickets and payments are read one batch of accounts at a time, for each date that needs them.
            var company = await CompanyBatches.OpenAsync(historyStore, storeOptions.Value.AccountsPerBatch, cancellationToken).ConfigureAwait(false);
            // The model's own first observation date: earlier forecasts would score accounts it never saw the like of.
            var earliest = company.Shape.UsageStartDay is { } first ? DateOnly.FromDayNumber(first).AddDays(options.WarmUpDays) : DateOnly.MaxValue;
            var dates = Enumerable.Range(0, request.BacktestMonths)
                .SelectMany(m => Leads.Select(l => RenewalForecastBacktest.ForecastDate(firstMonth.AddMonths(m), l)))
                .Where(d => d >= earliest)
                .Distinct()
                .Order()
                .ToList();
            progress.Begin(string.Create(CultureInfo.InvariantCulture, $"Backtest: churn and renewal probabilities at {dates.Count} past dates"));
            var past = await PastProbabilitiesAsync(company, dates, probabilitySources, options, request.Retrain, progress, cancellationToken).ConfigureAwait(false);
            progress.End();
            backtest.AddRange(RenewalForecastBacktest.Run(history, firstMonth, lastMonth, Leads, earliest, options.GraceDays, d => Renewals(past[d]), seed));
            monthToMonthBacktest.AddRange(MonthToMonthBacktest.Run(history, firstMonth, lastMonth, Leads, earliest, options.GraceDays, options.HorizonDays, d => Churns(past[d])));

            // The forecast handed to finance: the method and range the settled months of the backtest allow.
            var known = DateOnly.FromDateTime(history.DataAsOf);
            renewalCalibration = ForecastCalibration.ByLead(backtest.Select(r => r.Past(options.GraceDays)), Leads, known);
            monthToMonthCalibration = ForecastCalibration.ByLead(monthToMonthBacktest.Select(r => r.Past(options.GraceDays)), Leads, known);
            total = RenewalForecaster.Calibrate(total, renewalCalibration);
            bySegment = bySegment is null ? null : RenewalForecaster.Calibrate(bySegment, renewalCalibration);
            monthToMonthTotal = MonthToMonthForecaster.Calibrate(monthToMonthTotal, monthToMonthCalibration);
            monthToMonthBySegment = monthToMonthBySegment is null ? null : MonthToMonthForecaster.Calibrate(monthToMonthBySegment, monthToMonthCalibration);
        }

        return new RenewalForecastResult(asOf, history.DataAsOf, now, total, bySegment, backtest, RenewalForecastBacktest.Summarise(backtest),
            probabilitySources, FinanceStore.Currency(history), options.GraceDays, sources)
        {
            TrailingRate = trailingRate,
            MonthToMonth = monthToMonthTotal,
            MonthToMonthBySegment = monthToMonthBySegment,
            MonthToMonthChurnRate = monthToMonthRate,
            MonthToMonthHorizonDays = options.HorizonDays,
            MonthToMonthBacktest = monthToMonthBacktest,
            MonthToMonthSummary = MonthToMonthBacktest.Summarise(monthToMonthBacktest),
            RenewalCalibration = renewalCalibration,
            MonthToMonthCalibration = monthToMonthCalibration,
        };
    }

    /// <summary>
    /// Training rows the past-date models of one pass over the batches may hold together: each training holds its
    /// sample of rows until it is fitted, so more dates per pass read the store fewer times but hold more at once. A
    /// 10,000-account company's dates (100,000-350,000 rows each) share passes four or five at a time; a 50,000-account
    /// company's (about 700,000 each, most of them the unsampled test period) two at a time. Measured at 50,000
    /// accounts: two dates a pass 853 s and 3,994 MiB peak; one date a pass (800,000) 1,346 s (beside a CI run) and
    /// 4,006 MiB: the peak is one date's fit, not the rows held beside it, so the faster setting stays.
    /// </summary>
    public const long RetrainRowsPerPass = 1_500_000;

    /// <remarks>
    /// Progress: each date counts alike; a date trained before it is done when its pass has gathered its rows, fitted
    /// and scored; a stored or in-sample date when it is read or scored.
    /// </remarks>
    private async Task<Dictionary<DateOnly, IReadOnlyDictionary<string, (double Churn, double? Renewal)>>> PastProbabilitiesAsync(
        CompanyBatches company, List<DateOnly> dates, Dictionary<DateOnly, string> probabilitySources, ModelingOptions options, bool retrain,
        IPipelineProgress progress, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DateOnly, IReadOnlyDictionary<string, (double Churn, double? Renewal)>>();
        var pending = new List<DateOnly>();
        foreach (var date in dates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = await scores.ProbabilitiesAsync(date, cancellationToken).ConfigureAwait(false);
            if (stored.Count > 0)
            {
                result[date] = stored;
                probabilitySources[date] = RenewalForecastResult.StoredScores;
            }
            else
            {
                pending.Add(date);
            }
        }

        // Dates done, over all the dates: those with stored scores are done already.
        double done = dates.Count - pending.Count;
        void Report(double fraction) => progress.Report(dates.Count == 0 ? 1 : fraction / dates.Count);
        Report(done);
        var inSample = new List<DateOnly>();
        foreach (var pass in retrain ? RetrainPasses(company, pending, options) : [])
        {
            var start = done;
            var trained = TrainedBefore(company, pass, options, share => Report(start + (share * pass.Length)), cancellationToken);
            done += pass.Length;
            foreach (var date in pass.Select(p => p.Date))
            {
                if (trained.TryGetValue(date, out var before))
                {
                    result[date] = before;
                    probabilitySources[date] = RenewalForecastResult.ModelTrainedBeforeDate;
                }
                else
                {
                    inSample.Add(date);
                }
            }
        }

        if (!retrain)
        {
            inSample.AddRange(pending);
        }

        if (inSample.Count > 0)
        {
            // Today's model on every in-sample date, in one pass over the batches.
            var trained = await LoadModelsAsync(cancellationToken).ConfigureAwait(false);
            var probabilities = inSample.ToDictionary(d => d, _ => new Dictionary<string, (double Churn, double? Renewal)>(StringComparer.Ordinal));
            var batch = 0;
            foreach (var timeline in company.Timelines(cancellationToken))
            {
                foreach (var date in inSample)
                {
                    AddProbabilities(probabilities[date], ChurnModelWorkflow.Probabilities(timeline, trained, date));
                }

                Report(done + (inSample.Count * (double)++batch / company.Batches.Count));
            }

            foreach (var date in inSample)
            {
                result[date] = probabilities[date];
                probabilitySources[date] = RenewalForecastResult.CurrentModelInSample;
            }
        }

        return result;
    }

    /// <summary>
    /// The past dates' trainings, started on each date's cut ledger and grouped into passes over the batches: in date
    /// order, as many as fit <see cref="RetrainRowsPerPass"/> by their samples' expected rows (one date at least), which
    /// the ledger alone gives. Lazy: a pass is handed out before the next dates' cut ledgers are built, so only one
    /// pass's (and one date ahead) are held at a time.
    /// </summary>
    private static IEnumerable<PastDateTraining[]> RetrainPasses(CompanyBatches company, IReadOnlyList<DateOnly> dates, ModelingOptions options)
    {
        var current = new List<PastDateTraining>();
        long rows = 0;
        foreach (var date in dates)
        {
            var view = company.At(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var training = new PastDateTraining(date, view, ChurnModelTraining.StartWithoutImportance(view.LedgerTimeline, options));
            var expected = training.Training.Sample.ExpectedRows;
            if (current.Count > 0 && rows + expected > RetrainRowsPerPass)
            {
                yield return [.. current];
                current.Clear();
                rows = 0;
            }

            current.Add(training);
            rows += expected;
        }

        if (current.Count > 0)
        {
            yield return [.. current];
        }
    }

    /// <summary>
    /// Renewal probabilities at each past date of the pass from models trained on the history as it was known then
    /// (labels settled before it). Two passes over the batches for all the dates: one gathers every date's training
    /// rows from the batch cut at that date, one scores. A date whose history cannot train a churn model yet is left out,
    /// and the caller falls back to in-sample for it.
    /// </summary>
    /// <param name="company">The company, read a batch of accounts at a time.</param>
    /// <param name="pass">The dates trained together.</param>
    /// <param name="options">Modeling options.</param>
    /// <param name="report">
    /// How far the pass is, 0 to 1: gathering the rows a tenth, the fits eight tenths, scoring a tenth, as they took on
    /// the demo company (9 dates: 8 s, 148 s, 7 s; the fits about 60 s less since they skip the global importance, still
    /// most of the time).
    /// </param>
    /// <param name="cancellationToken">Stops between batches.</param>
    private static Dictionary<DateOnly, Dictionary<string, (double Churn, double? Renewal)>> TrainedBefore(
        CompanyBatches company, PastDateTraining[] pass, ModelingOptions options, Action<double> report, CancellationToken cancellationToken)
    {
        var models = new Dictionary<DateOnly, TrainedModels>();
        var views = pass.ToDictionary(p => p.Date, p => p.View);
        var batches = Math.Max(1, company.Batches.Count);
        try
        {
            // Reported per batch and date: a small company is one batch, and building a date's rows is the slow part.
            var read = 0;
            foreach (var history in company.Histories(cancellationToken))
            {
                foreach (var (_, view, training) in pass)
                {
                    training.Add(CompanyTimeline.Build(view.View(history), view.Shape));
                    report(0.1 * ++read / (batches * pass.Length));
                }
            }

            var fitted = 0;
            foreach (var (date, _, training) in pass)
            {
                try
                {
                    // Finish hands the gathered rows to the fit and lets them go: one date's rows are fitted at a time.
                    models[date] = training.Finish();
                }
                catch (InvalidOperationException)
                {
                    // Too little settled history at that date to learn from.
                }

                report(0.1 + (0.8 * ++fitted / pass.Length));
            }
        }
        finally
        {
            // A pass stopped part way (cancelled, a read failed) leaves no training rows' file behind.
            foreach (var (_, _, training) in pass)
            {
                training.Dispose();
            }
        }

        var probabilities = models.Keys.ToDictionary(d => d, _ => new Dictionary<string, (double Churn, double? Renewal)>(StringComparer.Ordinal));
        if (models.Count == 0)
        {
            return probabilities;
        }

        var scored = 0;
        foreach (var history in company.Histories(cancellationToken))
        {
            foreach (var (date, trained) in models)
            {
                AddProbabilities(probabilities[date], ChurnModelWorkflow.Probabilities(CompanyTimeline.Build(views[date].View(history), views[date].Shape), trained, date));
                report(0.9 + (0.1 * ++scored / (batches * models.Count)));
            }
        }

        return probabilities;
    }

    private static void AddProbabilities(Dictionary<string, (double Churn, double? Renewal)> probabilities, IEnumerable<Analytics.Scoring.AccountProbabilities> batch)
    {
        foreach (var account in batch)
        {
            probabilities[account.AccountId] = (account.ChurnProbability, account.RenewalProbability);
        }
    }

    private async Task<TrainedModels> LoadModelsAsync(CancellationToken cancellationToken)
    {
        var churn = await models.LatestAsync(ModelTarget.Churn.ToString(), cancellationToken).ConfigureAwait(false)
            ?? throw new NothingToComputeException("The store holds no churn model: the backtest scores past dates with it. " + FinanceStore.RunDemoFirst);
        var renewal = await models.LatestAsync(ModelTarget.NonRenewal.ToString(), cancellationToken).ConfigureAwait(false);
        return new TrainedModels(RiskModelSerializer.Deserialize(churn), renewal is null ? null : RiskModelSerializer.Deserialize(renewal), null, null);
    }

    // Accounts without a renewal model probability are weighed by 1 - churn risk, as the demo's forecast does.
    private static double Renewal((double Churn, double? Renewal) p) => p.Renewal ?? 1 - p.Churn;

    private static Dictionary<string, double> Renewals(IReadOnlyDictionary<string, (double Churn, double? Renewal)> probabilities) =>
        probabilities.ToDictionary(p => p.Key, p => Renewal(p.Value), StringComparer.Ordinal);

    private static Dictionary<string, double> Churns(IReadOnlyDictionary<string, (double Churn, double? Renewal)> probabilities) =>
        probabilities.ToDictionary(p => p.Key, p => p.Value.Churn, StringComparer.Ordinal);
}
