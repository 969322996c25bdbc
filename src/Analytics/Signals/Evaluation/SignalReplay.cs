using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>
/// Replays the signal rules at past weekly dates, each from data strictly before its date, and compares the signals
/// opened with what happened within the horizon after: churn for risk kinds, expansion for upsell kinds. A company
/// too large to hold at once is replayed a batch of accounts at a time (<see cref="Start"/>, <see cref="Add"/>,
/// <see cref="Finish"/>): every rule but plan fit looks at one account, and plan fit compares an account with the
/// company's plans, whose usage a first pass over the batches gathers. Batches give exactly the whole company's result.
/// </summary>
public sealed class SignalReplay
{
    private readonly IReadOnlyList<DateOnly> _dates;
    private readonly IReadOnlyCollection<string> _keyFeatures;
    private readonly SignalOptions _options;
    private readonly int _graceDays;
    private readonly SignalRules _rules;
    private readonly Dictionary<DateOnly, PlanUsageProfile> _plans;
    private readonly Dictionary<SignalKind, int> _opened;
    private readonly Dictionary<SignalKind, int> _hits;
    private readonly Dictionary<SignalKind, HashSet<string>> _accounts;
    private int _accountDates, _churned, _expanded;

    private SignalReplay(IReadOnlyList<DateOnly> dates, IReadOnlyCollection<string> keyFeatures, SignalOptions options, int graceDays, Dictionary<DateOnly, PlanUsageProfile> plans)
    {
        _dates = dates;
        _keyFeatures = keyFeatures;
        _options = options;
        _graceDays = graceDays;
        _rules = new SignalRules(options);
        _plans = plans;
        var kinds = Enum.GetValues<SignalKind>();
        _opened = kinds.ToDictionary(k => k, _ => 0);
        _hits = kinds.ToDictionary(k => k, _ => 0);
        _accounts = kinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The replayed dates: <paramref name="weeks"/> Mondays ending on the last Monday whose horizon and churn grace
    /// period lie within the data, so every outcome counted is confirmed.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(DateTime dataAsOf, int weeks, int horizonDays, int graceDays)
    {
        var last = ObservationCalendar.MondayOnOrBefore(ObservationCalendar.DayOf(dataAsOf) - horizonDays - graceDays);
        return [.. Enumerable.Range(0, weeks).Select(i => DateOnly.FromDayNumber(last - (7 * (weeks - 1 - i))))];
    }

    /// <summary>
    /// Replays <paramref name="dates"/> (ascending, weekly) over a whole company. <paramref name="scoresAt"/> gives the
    /// model scores at a date (empty when there is no model: the kinds that need scores then open nothing). A date's
    /// week before is replayed first, unscored, so a condition already present is not counted as opened on the first date.
    /// </summary>
    public static SignalEvaluation Run(
        CompanyTimeline timeline,
        IReadOnlyList<DateOnly> dates,
        IReadOnlyCollection<string> keyFeatures,
        IReadOnlyList<string> planTiers,
        SignalOptions options,
        int graceDays,
        Func<DateOnly, IReadOnlyList<AccountScore>> scoresAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var replay = Start([timeline], dates, keyFeatures, planTiers, options, graceDays);
        replay.Add(timeline, scoresAt);
        return replay.Finish();
    }

    /// <summary>
    /// Starts a replay of a company read one batch of accounts at a time: one pass over <paramref name="batches"/>
    /// gathers, at every date and the week before the first, each plan's usage (for plan fit); then
    /// <see cref="Add"/> replays each batch and <see cref="Finish"/> gives the result.
    /// </summary>
    public static SignalReplay Start(
        IEnumerable<CompanyTimeline> batches,
        IReadOnlyList<DateOnly> dates,
        IReadOnlyCollection<string> keyFeatures,
        IReadOnlyList<string> planTiers,
        SignalOptions options,
        int graceDays)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(keyFeatures);
        ArgumentNullException.ThrowIfNull(planTiers);
        ArgumentNullException.ThrowIfNull(options);
        if (dates.Count == 0)
        {
            throw new ArgumentException("At least one date is needed.", nameof(dates));
        }

        DateOnly[] replayed = [dates[0].AddDays(-7), .. dates];
        var usage = replayed.ToDictionary(d => d, _ => new List<(string Plan, double RecentWeeklyUsers)>());
        foreach (var batch in batches)
        {
            foreach (var date in replayed)
            {
                usage[date].AddRange(AccountActivityBuilder.Build(batch, date, keyFeatures, options)
                    .Where(a => a.Plan is not null)
                    .Select(a => (a.Plan!, a.RecentWeeklyUsers)));
            }
        }

        return new SignalReplay(dates, keyFeatures, options, graceDays, usage.ToDictionary(u => u.Key, u => PlanUsageProfile.Build(u.Value, planTiers)));
    }

    /// <summary>
    /// Replays one batch of accounts over every date (the batch's scores at a date from <paramref name="scoresAt"/>, as
    /// in <see cref="Run"/>); a signal is followed from one week to the next within its account, so batches add up.
    /// </summary>
    public void Add(CompanyTimeline batch, Func<DateOnly, IReadOnlyList<AccountScore>> scoresAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(scoresAt);
        var outcomes = AccountOutcomes.Build(batch.History, _graceDays);
        var horizon = _options.EvaluationHorizonDays;
        var warmUp = _dates[0].AddDays(-7);
        var previousScores = ScoreMap(scoresAt(warmUp));
        var live = _rules.EvaluateAll(ScoreFacts.Attach(Activities(batch, warmUp), previousScores, new Dictionary<string, double>()), _plans[warmUp])
            .Select(s => (s.AccountId, s.Kind)).ToHashSet();
        foreach (var date in _dates)
        {
            var scores = ScoreMap(scoresAt(date));
            var previous = previousScores.ToDictionary(p => p.Key, p => p.Value.Churn, StringComparer.Ordinal);
            var activities = Activities(batch, date);
            var instant = ObservationCalendar.Instant(date);
            foreach (var a in activities)
            {
                _accountDates++;
                _churned += outcomes.ChurnedWithin(a.AccountId, instant, horizon) ? 1 : 0;
                _expanded += outcomes.ExpandedWithin(a.AccountId, instant, horizon) ? 1 : 0;
            }

            var found = _rules.EvaluateAll(ScoreFacts.Attach(activities, scores, previous), _plans[date]);
            var now = new HashSet<(string, SignalKind)>();
            foreach (var signal in found)
            {
                now.Add((signal.AccountId, signal.Kind));
                if (live.Contains((signal.AccountId, signal.Kind)))
                {
                    continue; // seen last week too: the same signal, updated, not a new one
                }

                _opened[signal.Kind]++;
                _accounts[signal.Kind].Add(signal.AccountId);
                var hit = SignalKinds.IsUpsell(signal.Kind)
                    ? outcomes.ExpandedWithin(signal.AccountId, instant, horizon)
                    : outcomes.ChurnedWithin(signal.AccountId, instant, horizon);
                _hits[signal.Kind] += hit ? 1 : 0;
            }

            live = now;
            previousScores = scores;
        }
    }

    /// <summary>The evaluation of every batch added.</summary>
    public SignalEvaluation Finish()
    {
        double churnRate = _accountDates == 0 ? 0 : (double)_churned / _accountDates, expansionRate = _accountDates == 0 ? 0 : (double)_expanded / _accountDates;
        return new SignalEvaluation(_dates[0], _dates[^1], _dates.Count, _accountDates, churnRate, expansionRate, _options.EvaluationHorizonDays,
            [.. Enum.GetValues<SignalKind>().Select(k => SignalKinds.IsUpsell(k)
                ? new SignalLift(k, "expansion", _opened[k], _accounts[k].Count, _hits[k], expansionRate)
                : new SignalLift(k, "churn", _opened[k], _accounts[k].Count, _hits[k], churnRate))]);
    }

    private IReadOnlyList<AccountActivity> Activities(CompanyTimeline batch, DateOnly date) =>
        AccountActivityBuilder.Build(batch, date, _keyFeatures, _options);

    private static Dictionary<string, (double Churn, double? Renewal)> ScoreMap(IReadOnlyList<AccountScore> scores) =>
        scores.ToDictionary(s => s.AccountId, s => (s.ChurnProbability, s.RenewalProbability), StringComparer.Ordinal);
}
