namespace ChurnWatch.Analytics.Predictors;

/// <summary>Date arithmetic shared by predictors, labels and the training set: observation dates are UTC-midnight Mondays.</summary>
internal static class ObservationCalendar
{
    /// <summary>The instant an observation date stands for: UTC midnight at its start.</summary>
    public static DateTime Instant(int dayNumber) =>
        DateTime.SpecifyKind(DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);

    /// <summary>The instant of a date's UTC midnight.</summary>
    public static DateTime Instant(DateOnly day) => Instant(day.DayNumber);

    /// <summary>The day an instant falls on.</summary>
    public static int DayOf(DateTime instant) => DateOnly.FromDateTime(instant).DayNumber;

    /// <summary>The Monday on or before a day (day numbers count from Monday 0001-01-01, so Monday is 0 mod 7).</summary>
    public static int MondayOnOrBefore(int dayNumber) => dayNumber - (((dayNumber % 7) + 7) % 7);

    /// <summary>The Monday on or before a date.</summary>
    public static DateOnly MondayOnOrBefore(DateOnly day) => DateOnly.FromDayNumber(MondayOnOrBefore(day.DayNumber));

    /// <summary>The Monday on or after a date.</summary>
    public static DateOnly MondayOnOrAfter(DateOnly day) => DateOnly.FromDayNumber(MondayOnOrAfter(day.DayNumber));

    /// <summary>The Monday on or after a day.</summary>
    public static int MondayOnOrAfter(int dayNumber)
    {
        var monday = MondayOnOrBefore(dayNumber);
        return monday == dayNumber ? monday : monday + 7;
    }
}
