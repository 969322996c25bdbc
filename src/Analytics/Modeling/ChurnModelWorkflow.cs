using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// What the pipeline calls: train the churn and renewal models with their backtests, score accounts as of a date with
/// explanations, and compute predictor snapshots.
/// </summary>
public static class ChurnModelWorkflow
{
    private const int DefaultKeyFeatureCount = 3;

    /// <summary>Indexes the history, then trains (see <see cref="Train(CompanyTimeline, ModelingOptions)"/>).</summary>
    public static TrainedModels Train(CompanyHistory history, ModelingOptions options) =>
        Train(CompanyTimeline.Build(history), options);

    /// <summary>
    /// Builds the observations once, then for each target backtests every candidate learner on the same time split,
    /// keeps the best (lowest calibrated backtest log loss, then highest AUC, then the simpler, earlier learner), and
    /// fits it on all labelled rows. Throws when the history has no labelled churn rows with both outcomes.
    /// </summary>
    public static TrainedModels Train(CompanyTimeline timeline, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return Train(timeline, [timeline], options);
    }

    /// <summary>
    /// Trains on a company read one batch of accounts at a time: <paramref name="ledger"/> holds every account's
    /// subscriptions (it needs no usage), which decide the labelled rows and so the <see cref="TrainingSample"/>; each
    /// batch's timeline (built with the ledger's <see cref="CompanyShape"/>) gives the kept rows' predictors, and is
    /// dropped before the next is read. Memory grows with a batch and the sample, not with the history.
    /// </summary>
    public static TrainedModels Train(CompanyTimeline ledger, IEnumerable<CompanyTimeline> batches, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Fit(ChurnModelTraining.Start(ledger, options), batches);
    }

    /// <summary>
    /// As <see cref="Train(CompanyTimeline, IEnumerable{CompanyTimeline}, ModelingOptions)"/>, for a model that scores
    /// but is never kept or shown: its global importance is not measured
    /// (<see cref="ChurnModelTraining.StartWithoutImportance"/>).
    /// </summary>
    public static TrainedModels TrainWithoutImportance(CompanyTimeline ledger, IEnumerable<CompanyTimeline> batches, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Fit(ChurnModelTraining.StartWithoutImportance(ledger, options), batches);
    }

    /// <summary>Adds every batch to the started training, then fits it.</summary>
    private static TrainedModels Fit(ChurnModelTraining started, IEnumerable<CompanyTimeline> batches)
    {
        using var training = started;
        foreach (var batch in batches)
        {
            training.Add(batch);
        }

        return training.Finish();
    }

    /// <summary>
    /// Trains both targets on an observation set (see <see cref="Train(CompanyTimeline, ModelingOptions)"/>). Throws
    /// when the set has no labelled churn rows with both outcomes.
    /// </summary>
    /// <param name="set">The labelled rows.</param>
    /// <param name="sample">Which rows were kept, and their weights.</param>
    /// <param name="settings">The predictor definitions.</param>
    /// <param name="options">Modeling options.</param>
    /// <param name="dataAsOf">The end of the data.</param>
    /// <param name="firstDataDay">The first day of data, for the error when there is too little.</param>
    /// <param name="measureImportance">
    /// False for a model that scores but is never kept or shown (<see cref="ChurnModelTraining.StartWithoutImportance"/>):
    /// its global importance, which describes a model kept and shown, is not measured (<see cref="RiskModel.Importance"/>
    /// is empty). The models and their probabilities are the same either way.
    /// </param>
    internal static TrainedModels Train(
        ObservationSet set, TrainingSample sample, PredictorSettings settings, ModelingOptions options, DateTime dataAsOf, int? firstDataDay, bool measureImportance)
    {
        var churn = TrainTarget(set, sample, settings, ModelTarget.Churn, options, dataAsOf, measureImportance)
            ?? throw new InvalidOperationException(TooShortToTrain(options, dataAsOf, firstDataDay));
        churn = churn with { RetainedLevels = RetainedLevelsBuilder.Build(set, settings) };
        var renewal = TrainTarget(set, sample, settings, ModelTarget.NonRenewal, options, dataAsOf, measureImportance);
        return new TrainedModels(churn, renewal, churn.Backtest, renewal?.Backtest);
    }

    /// <summary>Why no churn model could be trained, naming the settings and the history each needs.</summary>
    internal static string TooShortToTrain(ModelingOptions options, DateTime dataAsOf, int? firstDataDay)
    {
        var span = firstDataDay is { } first
            ? FormattableString.Invariant($"The data runs from {DateOnly.FromDayNumber(first):yyyy-MM-dd} to {dataAsOf:yyyy-MM-dd} ({ObservationCalendar.DayOf(dataAsOf) - first} days). ")
            : FormattableString.Invariant($"The data ends {dataAsOf:yyyy-MM-dd}. ");
        var label = options.WarmUpDays + options.HorizonDays + options.GraceDays;
        return "Cannot train the churn model: no labelled observations with both outcomes. " + span
            + FormattableString.Invariant($"A churn label needs Modeling:WarmUpDays ({options.WarmUpDays}) of history before an observation date and Modeling:HorizonDays ({options.HorizonDays}) + Modeling:GraceDays ({options.GraceDays}) after it, ")
            + FormattableString.Invariant($"so at least {label} days, with at least one account that churned and one that stayed; a backtest of the model needs {options.MinimumHistoryDays} days ({options.MinimumHistoryTerms}). ")
            + "Shorten those settings (a shorter horizon predicts churn over a shorter future) or wait for more history.";
    }

    /// <summary>Seed offset of the calibration's half split, so it never shares a stream with the learners.</summary>
    internal const int CalibrationSeed = 20_261_122;

    /// <summary>Shuffles per predictor for permutation importance: enough for a stable mean on thousands of rows.</summary>
    internal const int ImportanceRepeats = 3;

    /// <summary>
    /// Test rows the global importance is measured on, at most: a seeded sample of a larger test period. Permutation
    /// importance scores every row once per predictor and repeat (about 150 passes), so its cost grows with the test
    /// period, which a 50,000-account company fills with hundreds of thousands of rows; a sample of 50,000 keeps it
    /// bounded. The demo's test period (about 20,000 rows) is used whole.
    /// </summary>
    internal const int ImportanceRows = 50_000;

    private static RiskModel? TrainTarget(ObservationSet set, TrainingSample sample, PredictorSettings settings, ModelTarget target, ModelingOptions options, DateTime dataAsOf, bool measureImportance)
    {
        var model = TrainTarget(set, settings, target, options, dataAsOf, measureImportance);
        return model is null ? null : model with { NegativeSampleRate = sample.NegativeRate, LabelledRows = sample.NegativeRate < 1 ? sample.Rows : set.Count };
    }

    private static RiskModel? TrainTarget(ObservationSet set, PredictorSettings settings, ModelTarget target, ModelingOptions options, DateTime dataAsOf, bool measureImportance)
    {
        var labels = set.Labels(target);
        var rows = Enumerable.Range(0, set.Count).Where(r => labels[r] >= 0).ToArray();
        if (!Backtester.HasBothClasses(labels, rows))
        {
            return null;
        }

        IReadOnlyList<string> learners = options.Learners.Count > 0 ? [.. options.Learners] : MlNetLearners.All;
        var candidates = learners
            .Select(learner => Backtester.Run(set, settings, target, learner, options, dataAsOf))
            .OfType<BacktestOutcome>()
            .Select(outcome => Calibrated(outcome, options.Seed))
            .ToArray();
        if (candidates.Length == 0)
        {
            // Too little history for a backtest: no evidence to choose on, so the first listed learner (by default
            // the linear model, which over-fits least on few rows), uncalibrated.
            return RiskModelTrainer.Fit(set, settings, rows, target, learners[0], options, dataAsOf);
        }

        // The probabilities feed the renewal forecast, so the choice is by a proper scoring rule: the lowest log loss on
        // the unseen test period after calibration (cross-fitted), then the higher AUC, then the simpler learner.
        var chosen = candidates
            .Select((candidate, order) => (candidate, order))
            .OrderBy(c => ChoiceLogLoss(c.candidate.Report))
            .ThenByDescending(c => double.IsNaN(c.candidate.Report.Auc) ? double.NegativeInfinity : c.candidate.Report.Auc)
            .ThenBy(c => c.order)
            .First().candidate;
        var final = RiskModelTrainer.Fit(set, settings, rows, target, chosen.Outcome.Report.Learner, options, dataAsOf);
        var classifier = chosen.Calibrator is null ? final.Classifier : final.Classifier.WithCalibrator(MlNetContext.Create(options.Seed), chosen.Calibrator);
        return final with
        {
            Classifier = classifier,
            Backtest = chosen.Report,
            Candidates = [.. candidates.Select(c => c.Report)],
            Importance = measureImportance ? Importance(set, chosen.Outcome, options.Seed) : [],
        };
    }

    /// <summary>The backtest log loss a learner is chosen on: after calibration when one was fitted, else raw.</summary>
    internal static double ChoiceLogLoss(BacktestReport report)
    {
        var logLoss = report.CalibratedLogLoss ?? report.LogLoss;
        return double.IsNaN(logLoss) ? double.PositiveInfinity : logLoss;
    }

    /// <summary>
    /// Chooses and fits the calibration (ML.NET's Platt or isotonic calibrator) on the backtest's test scores: the final
    /// model is trained on every labelled row, so the only scores it could be calibrated on without having seen them are
    /// those of the backtest model on later dates. The final model carries that calibrator at the end of its ML.NET chain.
    /// </summary>
    private static (BacktestOutcome Outcome, BacktestReport Report, Microsoft.ML.ITransformer? Calibrator) Calibrated(BacktestOutcome outcome, int seed)
    {
        if (HeldOutCalibration.Choose(outcome.TestLogits, outcome.TestLabels, CalibrationSeed + seed) is not { } choice)
        {
            return (outcome, outcome.Report, null);
        }

        return (outcome, outcome.Report with { CalibrationMethod = choice.Method, UncalibratedLogLoss = choice.UncalibratedLogLoss, CalibratedLogLoss = choice.ChosenLogLoss }, choice.Calibrator);
    }

    /// <summary>
    /// Global importance of the backtest model on its test period (rows it never trained on): mean |contribution| and
    /// the AUC lost when each predictor is shuffled. Most important first.
    /// </summary>
    private static PredictorImportance[] Importance(ObservationSet set, BacktestOutcome outcome, int seed)
    {
        var picked = Enumerable.Range(0, outcome.TestRows.Length).ToArray();
        if (picked.Length > ImportanceRows)
        {
            new Random(seed).Shuffle(picked);
            picked = [.. picked.Take(ImportanceRows).Order()];
        }

        var x = RiskModelTrainer.Matrix(set, [.. picked.Select(i => outcome.TestRows[i])]);
        var labels = picked.Select(i => outcome.TestLabels[i]).ToArray();
        var classifier = outcome.Model.Classifier;
        var contributions = classifier.Score(x, explain: true).Contributions!;
        var magnitude = ContributionImportance.MeanAbsoluteContribution(x.ColumnNames, contributions);
        var hasBothClasses = labels.Contains(1.0) && labels.Contains(0.0);
        var permutation = hasBothClasses
            ? classifier.PermutationImportance(x, labels, ImportanceRepeats, seed)
            : null;
        return [.. magnitude
            .Select((m, c) => new PredictorImportance(m.Column, m.Importance, permutation?[c].AucDrop ?? double.NaN, permutation?[c].Spread ?? double.NaN))
            .OrderByDescending(i => i.MeanAbsoluteContribution)
            .ThenBy(i => i.Predictor, StringComparer.Ordinal)];
    }

    /// <summary>Scores every account active at <paramref name="asOf"/> (default <see cref="DefaultAsOf"/>).</summary>
    public static IReadOnlyList<AccountScore> Score(CompanyHistory history, TrainedModels models, ModelingOptions options, DateOnly? asOf = null) =>
        Score(CompanyTimeline.Build(history), models, options, asOf);

    /// <summary>
    /// Scores every account active at <paramref name="asOf"/>: churn probability, band, renewal probability for
    /// accounts with a contract, the behavioural drivers in words and the account's context. With
    /// <paramref name="withChanges"/>, also what moved each score since a week earlier (<see cref="AccountScore.Changes"/>):
    /// the week before is computed from the same history, so it needs no earlier run, at the cost of a second predictor
    /// pass and a prediction per account (explanations only for the accounts that moved). Refuses models whose
    /// predictors differ.
    /// </summary>
    public static IReadOnlyList<AccountScore> Score(CompanyTimeline timeline, TrainedModels models, ModelingOptions options, DateOnly? asOf = null, bool withChanges = false)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var date = asOf ?? DefaultAsOf(timeline.History);
        var settings = models.Churn.PredictorSettings;
        var builder = CompatibleBuilder(timeline, models);
        var snapshots = builder.ComputeAll(date);
        // One ML.NET pass per model over every account. Explanations stay on the raw logit (calibration is monotone,
        // so it changes no ranking or reason); the probability users see is the calibrated one.
        var churn = models.Churn.Explain(snapshots);
        var renewalOf = RenewalProbabilities(timeline, models.Renewal, snapshots, date);
        var changes = withChanges ? ChangesSinceWeekBefore(builder, models.Churn, snapshots, churn, date, options.ReasonCount) : ((ScoreReason[][] Changes, double?[] Probability)?)null;
        var scores = new AccountScore[snapshots.Count];
        for (var i = 0; i < snapshots.Count; i++)
        {
            var predictors = snapshots[i];
            var churnProbability = churn[i].CalibratedProbability;
            var band = RiskBands.For(churnProbability, options.MediumRiskThreshold, options.HighRiskThreshold);
            scores[i] = new AccountScore(
                predictors.AccountId,
                date,
                churnProbability,
                renewalOf[i],
                band,
                Reasons(churn[i], predictors, settings, models.Churn.RetainedLevels, band, options.ReasonCount),
                ContextWriter.Line(predictors, settings))
            {
                Changes = changes?.Changes[i] ?? [],
                ChurnProbabilityWeekBefore = changes?.Probability[i],
            };
        }

        return scores;
    }

    /// <summary>
    /// The churn and renewal probabilities of every account active at <paramref name="asOf"/>, equal to
    /// <see cref="Score(CompanyTimeline, TrainedModels, ModelingOptions, DateOnly?, bool)"/>'s without its reasons and
    /// context: the forecast backtest scores a company at 20-30 past dates and reads only these, and the explanations
    /// cost it about 0.8 s a date on the demo company. No <see cref="ModelingOptions"/>: they set the risk bands and
    /// reasons, which this leaves out. Refuses models whose predictors differ.
    /// </summary>
    public static IReadOnlyList<AccountProbabilities> Probabilities(CompanyTimeline timeline, TrainedModels models, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(models);

        var snapshots = CompatibleBuilder(timeline, models).ComputeAll(asOf);
        var churn = models.Churn.PredictProbabilities(snapshots);
        var renewal = RenewalProbabilities(timeline, models.Renewal, snapshots, asOf);
        return [.. snapshots.Select((s, i) => new AccountProbabilities(s.AccountId, churn[i], renewal[i]))];
    }

    /// <summary>The predictors the models were trained on, for this timeline; refuses models whose predictors differ.</summary>
    private static PredictorBuilder CompatibleBuilder(CompanyTimeline timeline, TrainedModels models)
    {
        var builder = new PredictorBuilder(timeline, models.Churn.PredictorSettings);
        models.Churn.EnsureCompatible(builder.Schema.Names);
        models.Renewal?.EnsureCompatible(builder.Schema.Names);
        return builder;
    }

    /// <summary>
    /// Per account (in <paramref name="snapshots"/>' order), the probability that its next renewal happens: null
    /// without a renewal model or without a contract renewing after <paramref name="date"/>.
    /// </summary>
    private static double?[] RenewalProbabilities(CompanyTimeline timeline, RiskModel? renewalModel, IReadOnlyList<AccountPredictors> snapshots, DateOnly date)
    {
        var withContract = new List<int>();
        for (var i = 0; i < snapshots.Count; i++)
        {
            if (renewalModel is not null && timeline.TryGetAccount(snapshots[i].AccountId, out var account)
                && RenewalLabel.NextRenewal(account.Subscriptions, date) is not null)
            {
                withContract.Add(i);
            }
        }

        // The model predicts non-renewal; its complement is the renewal's probability.
        var nonRenewal = renewalModel?.PredictProbabilities([.. withContract.Select(i => snapshots[i])]) ?? [];
        var renewalOf = new double?[snapshots.Count];
        for (var k = 0; k < withContract.Count; k++)
        {
            renewalOf[withContract[k]] = 1.0 - nonRenewal[k];
        }

        return renewalOf;
    }

    /// <summary>
    /// Per account (in <paramref name="snapshots"/>' order), the drivers that moved its score since 7 days before
    /// <paramref name="date"/> (null for an account not active then or whose probability barely moved) and its
    /// probability then (null when not active then).
    /// </summary>
    private static (ScoreReason[][] Changes, double?[] Probability) ChangesSinceWeekBefore(
        PredictorBuilder builder, RiskModel model, IReadOnlyList<AccountPredictors> snapshots, IReadOnlyList<ScoreExplanation> now, DateOnly date, int count)
    {
        var weekBefore = builder.ComputeAll(date.AddDays(-7)).ToDictionary(f => f.AccountId, StringComparer.Ordinal);
        var both = Enumerable.Range(0, snapshots.Count).Where(i => weekBefore.ContainsKey(snapshots[i].AccountId)).ToArray();
        var then = model.PredictProbabilities([.. both.Select(i => weekBefore[snapshots[i].AccountId])]);
        var probability = new double?[snapshots.Count];
        for (var k = 0; k < both.Length; k++)
        {
            probability[both[k]] = then[k];
        }

        var moved = both.Where((i, k) => Math.Abs(now[i].CalibratedProbability - then[k]) >= MinimumMove).ToArray();
        var explained = model.Explain([.. moved.Select(i => weekBefore[snapshots[i].AccountId])]);
        var changes = new ScoreReason[snapshots.Count][];
        for (var k = 0; k < moved.Length; k++)
        {
            var i = moved[k];
            changes[i] = Changes(now[i], snapshots[i], explained[k], weekBefore[snapshots[i].AccountId], model.PredictorSettings, count);
        }

        return (changes, probability);
    }

    /// <summary>
    /// Predictor values of every account active at <paramref name="asOf"/>, for storing as snapshots
    /// (<see cref="AccountPredictors.ToDictionary"/> gives JSON-ready values).
    /// </summary>
    public static IReadOnlyList<AccountPredictors> PredictorSnapshots(CompanyTimeline timeline, PredictorSettings settings, DateOnly asOf) =>
        new PredictorBuilder(timeline, settings).ComputeAll(asOf);

    /// <summary>Predictor snapshots with the settings the options resolve to on this history.</summary>
    public static IReadOnlyList<AccountPredictors> PredictorSnapshots(CompanyHistory history, ModelingOptions options, DateOnly asOf)
    {
        var timeline = CompanyTimeline.Build(history);
        return PredictorSnapshots(timeline, ResolvePredictorSettings(timeline, options), asOf);
    }

    /// <summary>
    /// The options' predictor definitions made concrete: key features as configured, or else the three product
    /// features with the most events in the history (ties by name).
    /// </summary>
    public static PredictorSettings ResolvePredictorSettings(CompanyTimeline timeline, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> keys = options.KeyFeatures.Count > 0
            ? [.. options.KeyFeatures]
            : MostUsedFeatures(timeline, DefaultKeyFeatureCount);
        return new PredictorSettings(keys, [.. options.PlanTiers]);
    }

    /// <summary>
    /// The default scoring date: the Monday on or before the data's as-of day, the Monday after the last full week.
    /// </summary>
    public static DateOnly DefaultAsOf(CompanyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return DateOnly.FromDayNumber(ObservationCalendar.MondayOnOrBefore(ObservationCalendar.DayOf(history.DataAsOf)));
    }

    private static string[] MostUsedFeatures(CompanyTimeline timeline, int count)
    {
        // Features that share a usage column share its events, as the column's feature does.
        var totals = new long[timeline.UsageColumns.Count];
        for (var f = 0; f < timeline.UsageFeatures.Count; f++)
        {
            totals[timeline.UsageColumnOfFeature[f]] += timeline.Shape.FeatureEvents[timeline.UsageFeatures[f]];
        }

        return timeline.UsageFeatures
            .Select((feature, i) => (Feature: feature, Events: totals[timeline.UsageColumnOfFeature[i]]))
            .OrderByDescending(f => f.Events)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Take(count)
            .Select(f => f.Feature)
            .ToArray();
    }

    /// <summary>
    /// A driver smaller than this (in logit) moves the odds by under 5%: too weak to tell an account manager about.
    /// </summary>
    internal const double MinimumReasonContribution = 0.05;

    /// <summary>
    /// A week's change of the churn probability (in probability, 0.02 = 2 points) below which a score did not move,
    /// so no drivers of a change are given: a point up or down is the noise of a week's usage.
    /// </summary>
    internal const double MinimumMove = 0.02;

    /// <summary>
    /// The reasons of one account: its behavioural drivers (<see cref="ReasonTopics.IsStructure"/> ones go to the
    /// context line instead), strongest first, levels compared with retained accounts on the same plan. A low-risk
    /// account gets what keeps it low, where anything does, because an account manager reading a list sorted by ARR at
    /// risk wants to know why a big account is safe too; every other account gets what raises its risk. A reason is
    /// never shown against the direction of its contribution, nor where its words would say the opposite
    /// (<see cref="ReasonDirection"/>).
    /// </summary>
    internal static ScoreReason[] Reasons(ScoreExplanation explanation, AccountPredictors predictors, PredictorSettings settings, RetainedLevels levels, RiskBand band, int count)
    {
        var drivers = Drivers(explanation)
            .Where(d => !ReasonTopics.IsStructure(ReasonTopics.Of(d.Predictor)))
            .Where(d => !ReasonDirection.Contradicts(d.Predictor, predictors, settings, levels, raisesRisk: d.Contribution > 0))
            .Select(d => new ScoreReason(d.Predictor, d.Contribution, ReasonWriter.Sentence(d.Predictor, predictors, settings, levels), ReasonTopics.Of(d.Predictor)))
            .ToList();
        var raising = drivers.Where(r => r.Contribution >= MinimumReasonContribution)
            .OrderByDescending(r => r.Contribution).ThenBy(r => r.Predictor, StringComparer.Ordinal);
        var protecting = drivers.Where(r => r.Contribution <= -MinimumReasonContribution)
            .OrderBy(r => r.Contribution).ThenBy(r => r.Predictor, StringComparer.Ordinal);
        var chosen = band == RiskBand.Low && protecting.Any() ? protecting : raising;
        return [.. chosen.Take(count)];
    }

    /// <summary>
    /// The drivers that moved an account's score since a week earlier, both weeks explained by the same model so only
    /// the account's data differs: per behavioural driver, its contribution now minus then, in the direction the
    /// probability moved, largest first, and only where the driver's sentence changed (its data moved, not only its
    /// interplay with other predictors). Empty when the probability moved less than <see cref="MinimumMove"/>.
    /// </summary>
    internal static ScoreReason[] Changes(ScoreExplanation now, AccountPredictors nowValues, ScoreExplanation before, AccountPredictors beforeValues, PredictorSettings settings, int count)
    {
        var move = now.CalibratedProbability - before.CalibratedProbability;
        if (!(Math.Abs(move) >= MinimumMove))
        {
            return [];
        }

        var then = Drivers(before).ToDictionary(d => d.Driver, d => d.Contribution, StringComparer.Ordinal);
        return [.. Drivers(now)
            .Where(d => !ReasonTopics.IsStructure(ReasonTopics.Of(d.Predictor)))
            .Select(d => (d.Predictor, Delta: d.Contribution - then.GetValueOrDefault(d.Driver)))
            .Where(d => Math.Sign(d.Delta) == Math.Sign(move) && Math.Abs(d.Delta) >= MinimumReasonContribution)
            .Select(d => (d.Predictor, d.Delta, Now: ReasonWriter.Sentence(d.Predictor, nowValues, settings), Then: ReasonWriter.Sentence(d.Predictor, beforeValues, settings)))
            .Where(d => !string.Equals(d.Now, d.Then, StringComparison.Ordinal))
            .OrderByDescending(d => Math.Abs(d.Delta)).ThenBy(d => d.Predictor, StringComparer.Ordinal)
            .Take(count)
            .Select(d => new ScoreReason(d.Predictor, d.Delta, $"{d.Now} (a week earlier: {WeekEarlier(d.Now, d.Then)})", ReasonTopics.Of(d.Predictor)))];
    }

    /// <summary>
    /// Contributions per driver (<see cref="ReasonWriter.DriverOf"/>), added up: predictors that say one thing in words
    /// are ranked together, or one correlated half would show as "raising risk" while the other, lowering it, stays
    /// hidden. Each driver is named by its strongest predictor.
    /// </summary>
    private static IEnumerable<(string Driver, string Predictor, double Contribution)> Drivers(ScoreExplanation explanation) =>
        explanation.Contributions
            .GroupBy(c => ReasonWriter.DriverOf(c.Predictor), StringComparer.Ordinal)
            .Select(g => (g.Key,
                g.OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Predictor, StringComparer.Ordinal).First().Predictor,
                g.Sum(c => c.Contribution)));

    /// <summary>
    /// The week before's sentence without the words it shares at the end with this week's, so "4 support tickets opened
    /// in the last 90 days" reads "(a week earlier: 3)", not the whole sentence again; lower-cased at the start
    /// ("MRR" and "L2" keep their capitals).
    /// </summary>
    internal static string WeekEarlier(string now, string then)
    {
        var a = now.Split(' ');
        var b = then.Split(' ');
        var shared = 0;
        while (shared < a.Length - 1 && shared < b.Length - 1 && string.Equals(a[^(shared + 1)], b[^(shared + 1)], StringComparison.Ordinal))
        {
            shared++;
        }

        // A number keeps its unit of time: "1 invoice 18 days past due" is "1 invoice 18 days", not "1 invoice 18".
        if (shared > 0 && b.Length - shared > 1 && double.TryParse(b[^(shared + 1)], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            && b[^shared] is "day" or "days" or "week" or "weeks" or "month" or "months")
        {
            shared--;
        }

        var words = string.Join(' ', b[..^shared]);
        return words.Length > 1 && char.IsUpper(words[0]) && char.IsLower(words[1])
            ? char.ToLowerInvariant(words[0]) + words[1..]
            : words;
    }
}
