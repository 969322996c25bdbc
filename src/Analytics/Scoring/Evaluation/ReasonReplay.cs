using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Signals.Evaluation;

namespace ChurnWatch.Analytics.Scoring.Evaluation;

/// <summary>
/// Replays the scores at past weekly dates and counts, per risk band and <see cref="ReasonGroup"/> of the first shown
/// reason, the account-weeks and how many churned within the horizon after the date: whether the reasons' words carry
/// information beyond the band. Every count is one account at one date, so a company too large to hold at once is
/// replayed a batch of accounts at a time (<see cref="Start"/>, <see cref="Add"/>, <see cref="Finish"/>) and the
/// batches give exactly the whole company's result.
/// </summary>
public sealed class ReasonReplay
{
    private static readonly RiskBand[] Bands = Enum.GetValues<RiskBand>();
    private static readonly ReasonGroup[] Groups = Enum.GetValues<ReasonGroup>();

    private readonly IReadOnlyList<DateOnly> _dates;
    private readonly int _horizonDays;
    private readonly int _graceDays;
    private readonly Dictionary<(RiskBand, ReasonGroup), (int AccountWeeks, int Churned)> _cells;

    private ReasonReplay(IReadOnlyList<DateOnly> dates, int horizonDays, int graceDays)
    {
        _dates = dates;
        _horizonDays = horizonDays;
        _graceDays = graceDays;
        _cells = Bands.SelectMany(b => Groups.Select(g => (b, g))).ToDictionary(k => k, _ => (0, 0));
    }

    /// <summary>
    /// Replays <paramref name="dates"/> over a whole company: <paramref name="scoresAt"/> gives the scores at a date,
    /// from data strictly before it; churn is the model's, confirmed after <paramref name="graceDays"/>, within
    /// <see cref="SignalOptions.EvaluationHorizonDays"/> after the date.
    /// </summary>
    public static ReasonEvaluation Run(
        CompanyTimeline timeline, IReadOnlyList<DateOnly> dates, SignalOptions options, int graceDays, Func<DateOnly, IReadOnlyList<AccountScore>> scoresAt)
    {
        var replay = Start(dates, options, graceDays);
        replay.Add(timeline, scoresAt);
        return replay.Finish();
    }

    /// <summary>Starts a replay of a company read one batch of accounts at a time: <see cref="Add"/> each batch, then <see cref="Finish"/>.</summary>
    public static ReasonReplay Start(IReadOnlyList<DateOnly> dates, SignalOptions options, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(options);
        if (dates.Count == 0)
        {
            throw new ArgumentException("At least one date is needed.", nameof(dates));
        }

        return new ReasonReplay(dates, options.EvaluationHorizonDays, graceDays);
    }

    /// <summary>Counts one batch of accounts at every date: each account <paramref name="scoresAt"/> scores there, with its band, first reason and outcome.</summary>
    public void Add(CompanyTimeline batch, Func<DateOnly, IReadOnlyList<AccountScore>> scoresAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(scoresAt);
        var outcomes = AccountOutcomes.Build(batch.History, _graceDays);
        foreach (var date in _dates)
        {
            var instant = ObservationCalendar.Instant(date);
            foreach (var score in scoresAt(date))
            {
                var key = (score.Band, ReasonGroups.Of(score));
                var (accountWeeks, churned) = _cells[key];
                _cells[key] = (accountWeeks + 1, churned + (outcomes.ChurnedWithin(score.AccountId, instant, _horizonDays) ? 1 : 0));
            }
        }
    }

    /// <summary>The evaluation of every batch added.</summary>
    public ReasonEvaluation Finish()
    {
        var cells = new List<ReasonLift>();
        foreach (var band in Bands)
        {
            var bandWeeks = Groups.Sum(g => _cells[(band, g)].AccountWeeks);
            var bandChurned = Groups.Sum(g => _cells[(band, g)].Churned);
            cells.AddRange(Groups.Select(g =>
            {
                var (accountWeeks, churned) = _cells[(band, g)];
                return new ReasonLift(band, g, accountWeeks, churned, bandWeeks - accountWeeks, bandChurned - churned);
            }));
        }

        return new ReasonEvaluation(_dates[0], _dates[^1], _dates.Count, cells.Sum(c => c.AccountWeeks), cells.Sum(c => c.Churned), _horizonDays, cells);
    }
}
