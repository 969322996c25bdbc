using Cronos;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>The schedules' cron expressions and time zone: their keys, how they are read, and why one cannot be a schedule.</summary>
internal static class CronSchedule
{
    public static IEnumerable<(string Key, string Cron)> Crons(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        yield return (nameof(ScheduleOptions.Ingest), options.Ingest);
        yield return (nameof(ScheduleOptions.Scoring), options.Scoring);
        yield return (nameof(ScheduleOptions.Reports), options.Reports);
        yield return (nameof(ScheduleOptions.Forecast), options.Forecast);
        yield return (nameof(ScheduleOptions.Retraining), options.Retraining);
    }

    /// <summary>The expected form, in every message about a cron expression.</summary>
    public const string ExpectedForm = "five fields: minute hour day-of-month month day-of-week, e.g. '0 7 * * MON' for Monday 07:00";

    /// <summary>The parsed expression (standard five fields, as Hangfire reads it); throws <see cref="CronFormatException"/>.</summary>
    public static CronExpression Parse(string cron) => CronExpression.Parse(cron, CronFormat.Standard);

    /// <summary>Why <paramref name="cron"/> cannot be a schedule (a sentence ending in a full stop), or null when it can.</summary>
    public static string? CronProblem(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 6 or 7)
        {
            return $"has {fields} fields, the old form with seconds first (and a year); a schedule has {ExpectedForm}.";
        }

        CronExpression expression;
        try
        {
            expression = Parse(cron);
        }
        catch (CronFormatException e)
        {
            return $"is not a valid cron expression ({e.Message.TrimEnd('.')}); a schedule has {ExpectedForm}.";
        }

        // Cronos looks ahead until it finds a time or runs out of calendar: null means the expression never fires.
        return expression.GetNextOccurrence(DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc)) is null
            ? $"never fires (no date matches it, e.g. the 31st of a month that has 30 days); a schedule has {ExpectedForm}."
            : null;
    }

    public static bool TryFindTimeZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
