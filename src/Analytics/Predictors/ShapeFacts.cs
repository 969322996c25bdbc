namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// A company's daily event totals per product feature, the weeks its weekly active-user rows cover and its
/// subscriptions' starts: a few thousand numbers from which <see cref="At"/> gives the <see cref="CompanyShape"/> of
/// the history as it was known at any instant (and whether it sold seats by then), so a forecast backtest that cuts the history at many dates reads the
/// usage table once, not once per date.
/// </summary>
public sealed class ShapeFacts
{
    private readonly (string Feature, int Day, long Events)[] _featureDays;
    private readonly int[] _weekStarts;
    private readonly int[] _subscriptionStarts;
    private readonly DateTime[] _subscriptionInstants;
    private readonly DateTime? _firstSeatsAt;
    private readonly DateTime _dataAsOf;

    /// <param name="featureDays">Per product feature (the all-features row excluded) and day: its events (negative counts as 0).</param>
    /// <param name="weekStarts">The week starts of the all-features weekly rows.</param>
    /// <param name="subscriptionStarts">Every subscription's start.</param>
    /// <param name="firstSeatsAt">The first instant a seat count above 1 is known (<see cref="FirstSeatsAt"/>), or null if never.</param>
    /// <param name="dataAsOf">The newest instant the data covers.</param>
    public ShapeFacts(IEnumerable<(string Feature, DateOnly Day, long Events)> featureDays, IEnumerable<DateOnly> weekStarts, IEnumerable<DateTime> subscriptionStarts, DateTime? firstSeatsAt, DateTime dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(featureDays);
        ArgumentNullException.ThrowIfNull(weekStarts);
        ArgumentNullException.ThrowIfNull(subscriptionStarts);
        _featureDays = [.. featureDays.Select(f => (f.Feature, f.Day.DayNumber, Math.Max(0, f.Events)))];
        _weekStarts = [.. weekStarts.Select(w => w.DayNumber).Order()];
        _subscriptionInstants = [.. subscriptionStarts];
        _subscriptionStarts = [.. _subscriptionInstants.Select(ObservationCalendar.DayOf)];
        _firstSeatsAt = firstSeatsAt;
        _dataAsOf = dataAsOf;
    }

    /// <summary>
    /// The first instant a seat count above 1 is known: the earliest start of a subscription with more than one seat
    /// or creation of an account licensing more than one; null when there is none (the company does not sell seats).
    /// </summary>
    public static DateTime? FirstSeatsAt(IEnumerable<DateTime> subscriptionsWithSeats, IEnumerable<DateTime> accountsWithSeats)
    {
        ArgumentNullException.ThrowIfNull(subscriptionsWithSeats);
        ArgumentNullException.ThrowIfNull(accountsWithSeats);
        return subscriptionsWithSeats.Concat(accountsWithSeats).Select(t => (DateTime?)t).Min();
    }

    /// <summary>
    /// The shape of the history known at <paramref name="cut"/> (null: the whole history), as
    /// <see cref="Forecasting.HistoryCut"/> cuts it: usage days before the cut's day, weeks over by then, subscriptions
    /// started before it.
    /// </summary>
    public CompanyShape At(DateTime? cut = null)
    {
        var cutDay = cut is { } c ? DateOnly.FromDateTime(c).DayNumber : int.MaxValue;
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        int? usageStart = null;
        foreach (var (feature, day, count) in _featureDays)
        {
            if (day >= cutDay)
            {
                continue;
            }

            events[feature] = events.GetValueOrDefault(feature) + count;
            usageStart = usageStart is null ? day : Math.Min(usageStart.Value, day);
        }

        var weeks = _weekStarts.Where(w => cut is null || w + 7 <= cutDay).ToArray();
        int? firstStart = null;
        for (var i = 0; i < _subscriptionInstants.Length; i++)
        {
            if (cut is null || _subscriptionInstants[i] < cut.Value)
            {
                firstStart = firstStart is null ? _subscriptionStarts[i] : Math.Min(firstStart.Value, _subscriptionStarts[i]);
            }
        }

        return new CompanyShape(
            events,
            usageStart,
            weeks.Length == 0 ? null : ObservationCalendar.MondayOnOrBefore(weeks[0]),
            weeks.Length == 0 ? null : ObservationCalendar.MondayOnOrBefore(weeks[^1]),
            firstStart,
            cut is { } instant && instant < _dataAsOf ? instant : _dataAsOf,
            _firstSeatsAt is { } seatsAt && (cut is null || seatsAt < cut.Value));
    }
}
