using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Features;

/// <summary>
/// What every batch of a company's accounts shares, so features computed one batch at a time have the same columns
/// and the same calendar as features computed for the whole company at once: the product features seen in usage with
/// their event totals, the first usage day, the weekly grid, the first subscription start and the data's as-of instant.
/// </summary>
/// <remarks>
/// A store computes it with aggregate queries (<c>GROUP BY feature</c>, <c>MIN</c>, <c>MAX</c>) without reading the
/// usage rows into memory; <see cref="Of"/> computes it from a history held in memory.
/// </remarks>
/// <param name="FeatureEvents">Events per raw product feature over the whole history (the all-features row excluded).</param>
/// <param name="UsageStartDay">The first day with daily usage, as a day number; null without usage.</param>
/// <param name="FirstWeekStart">The first Monday of the weekly active-user rows (all features); null without them.</param>
/// <param name="LastWeekStart">The last Monday of those rows; null without them.</param>
/// <param name="FirstStartDay">The first subscription start, as a day number; null without subscriptions.</param>
/// <param name="DataAsOf">The newest instant the data covers.</param>
public sealed record CompanyShape(
    IReadOnlyDictionary<string, long> FeatureEvents,
    int? UsageStartDay,
    int? FirstWeekStart,
    int? LastWeekStart,
    int? FirstStartDay,
    DateTime DataAsOf)
{
    /// <summary>The shape of a history held in memory.</summary>
    public static CompanyShape Of(CompanyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        int? usageStart = null;
        foreach (var day in history.UsageDays)
        {
            if (day.Feature == UsageWeek.AllFeatures)
            {
                continue;
            }

            events[day.Feature] = events.GetValueOrDefault(day.Feature) + Math.Max(0, day.Events);
            usageStart = usageStart is null ? day.Day.DayNumber : Math.Min(usageStart.Value, day.Day.DayNumber);
        }

        int? firstWeek = null, lastWeek = null;
        foreach (var week in history.UsageWeeks)
        {
            if (week.Feature != UsageWeek.AllFeatures)
            {
                continue;
            }

            var monday = ObservationCalendar.MondayOnOrBefore(week.WeekStart.DayNumber);
            firstWeek = firstWeek is null ? monday : Math.Min(firstWeek.Value, monday);
            lastWeek = lastWeek is null ? monday : Math.Max(lastWeek.Value, monday);
        }

        int? firstStart = history.Subscriptions.Count == 0 ? null : history.Subscriptions.Min(s => ObservationCalendar.DayOf(s.StartedAt));
        return new CompanyShape(events, usageStart, firstWeek, lastWeek, firstStart, history.DataAsOf);
    }

    /// <summary>A shape from a store's aggregates: week starts are moved to their Monday, instants to their UTC day.</summary>
    public static CompanyShape FromAggregates(
        IReadOnlyDictionary<string, long> featureEvents, DateOnly? usageStart, DateOnly? firstWeek, DateOnly? lastWeek, DateTime? firstStart, DateTime dataAsOf)
    {
        int? Monday(DateOnly? date) => date is { } d ? ObservationCalendar.MondayOnOrBefore(d.DayNumber) : null;
        return new CompanyShape(featureEvents, usageStart?.DayNumber, Monday(firstWeek), Monday(lastWeek),
            firstStart is { } start ? ObservationCalendar.DayOf(start) : null, dataAsOf);
    }

    /// <summary>The first day with any data (usage, else the first subscription start), or null without either.</summary>
    public int? FirstDataDay => UsageStartDay ?? FirstStartDay;
}
