using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>
/// Replays the signal rules at past weekly dates, each from data strictly before its date, and compares the signals
/// opened with what happened within the horizon after: churn for risk kinds, expansion for upsell kinds.
/// </summary>
public static class SignalReplay
{
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
    /// Replays <paramref name="dates"/> (ascending, weekly). <paramref name="scoresAt"/> gives the model scores at a
    /// date (empty when there is no model: the kinds that need scores then open nothing). A date's week before is
    /// replayed first, unscored, so a condition already present is not counted as opened on the first date.
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
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(scoresAt);
        if (dates.Count == 0)
        {
            throw new ArgumentException("At least one date is needed.", nameof(dates));
        }

        var rules = new SignalRules(options);
        var outcomes = AccountOutcomes.Build(timeline.History, graceDays);
        var horizon = options.EvaluationHorizonDays;
        var kinds = Enum.GetValues<SignalKind>();
        var opened = kinds.ToDictionary(k => k, _ => 0);
        var hits = kinds.ToDictionary(k => k, _ => 0);
        var accounts = kinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        int accountDates = 0, churned = 0, expanded = 0;

        var warmUp = dates[0].AddDays(-7);
        var previousScores = ScoreMap(scoresAt(warmUp));
        var live = Evaluate(rules, timeline, warmUp, keyFeatures, planTiers, options, previousScores, new Dictionary<string, double>())
            .Select(s => (s.AccountId, s.Kind)).ToHashSet();
        foreach (var date in dates)
        {
            var scores = ScoreMap(scoresAt(date));
            var previous = previousScores.ToDictionary(p => p.Key, p => p.Value.Churn, StringComparer.Ordinal);
            var activities = AccountActivityBuilder.Build(timeline, date, keyFeatures, options);
            var instant = ObservationCalendar.Instant(date);
            foreach (var a in activities)
            {
                accountDates++;
                churned += outcomes.ChurnedWithin(a.AccountId, instant, horizon) ? 1 : 0;
                expanded += outcomes.ExpandedWithin(a.AccountId, instant, horizon) ? 1 : 0;
            }

            var found = rules.EvaluateAll(ScoreFacts.Attach(activities, scores, previous), planTiers);
            var now = new HashSet<(string, SignalKind)>();
            foreach (var signal in found)
            {
                now.Add((signal.AccountId, signal.Kind));
                if (live.Contains((signal.AccountId, signal.Kind)))
                {
                    continue; // seen last week too: the same signal, updated, not a new one
                }

                opened[signal.Kind]++;
                accounts[signal.Kind].Add(signal.AccountId);
                var hit = SignalKinds.IsUpsell(signal.Kind)
                    ? outcomes.ExpandedWithin(signal.AccountId, instant, horizon)
                    : outcomes.ChurnedWithin(signal.AccountId, instant, horizon);
                hits[signal.Kind] += hit ? 1 : 0;
            }

            live = now;
            previousScores = scores;
        }

        double churnRate = accountDates == 0 ? 0 : (double)churned / accountDates, expansionRate = accountDates == 0 ? 0 : (double)expanded / accountDates;
        return new SignalEvaluation(dates[0], dates[^1], dates.Count, accountDates, churnRate, expansionRate, horizon,
            [.. kinds.Select(k => SignalKinds.IsUpsell(k)
                ? new SignalLift(k, "expansion", opened[k], accounts[k].Count, hits[k], expansionRate)
                : new SignalLift(k, "churn", opened[k], accounts[k].Count, hits[k], churnRate))]);
    }

    private static IReadOnlyList<AccountSignal> Evaluate(
        SignalRules rules, CompanyTimeline timeline, DateOnly date, IReadOnlyCollection<string> keyFeatures, IReadOnlyList<string> planTiers,
        SignalOptions options, IReadOnlyDictionary<string, (double Churn, double? Renewal)> scores, IReadOnlyDictionary<string, double> previous) =>
        rules.EvaluateAll(ScoreFacts.Attach(AccountActivityBuilder.Build(timeline, date, keyFeatures, options), scores, previous), planTiers);

    private static Dictionary<string, (double Churn, double? Renewal)> ScoreMap(IReadOnlyList<AccountScore> scores) =>
        scores.ToDictionary(s => s.AccountId, s => (s.ChurnProbability, s.RenewalProbability), StringComparer.Ordinal);
}
