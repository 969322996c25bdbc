namespace ChurnWatch.Analytics.Labels;

/// <summary>The churn target: did an account observed at D churn within the horizon after D?</summary>
public static class ChurnLabel
{
    /// <summary>Name of the target in reports and model metadata.</summary>
    public const string TargetName = "churn";

    /// <summary>
    /// True when a churn falls in [D, D + horizon), false when none does, null when the outcome is not knowable yet
    /// (D + horizon + grace after <paramref name="dataAsOf"/>: a churn near the horizon's end could not be confirmed).
    /// The caller only asks for accounts observable at D (an active subscription at D).
    /// </summary>
    public static bool? At(IReadOnlyList<DateTime> churnDates, DateOnly observation, int horizonDays, int graceDays, DateTime dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(churnDates);
        var from = Instant(observation);
        var to = from.AddDays(horizonDays);
        if (to.AddDays(graceDays) > dataAsOf)
        {
            return null;
        }

        foreach (var churn in churnDates)
        {
            if (churn >= from && churn < to)
            {
                return true;
            }
        }

        return false;
    }

    internal static DateTime Instant(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
}
