namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// One raw <c>usage_events</c> row of a CSV drop, with the UTC day and the Monday of its week computed on load so
/// the store can aggregate it with plain SQL on every provider.
/// </summary>
/// <param name="Line">The row's line in its file: raw events have no key of their own, so each line is one event.</param>
internal sealed record StagedUsageEvent(string AccountId, string UserId, string Feature, DateTime OccurredAt, int Quantity, long Line)
{
    /// <summary>The UTC day the event happened on.</summary>
    public DateOnly Day => DateOnly.FromDateTime(OccurredAt);

    /// <summary>The Monday on or before <see cref="Day"/> (weeks run Monday to Sunday, UTC).</summary>
    public DateOnly WeekStart => WeekOf(Day);

    /// <summary>The Monday on or before a day: the <c>week_start</c> a staged event of that day is stored with.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
