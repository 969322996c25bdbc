using Cronos;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Checks every cron expression, the time zone and the retry waits at start; a message names the key (Schedule:Reports: ...).</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, cron) in Crons(options))
        {
            if (!string.IsNullOrWhiteSpace(cron) && CronProblem(cron) is { } problem)
            {
                failures.Add($"{ScheduleOptions.Section}:{key}: '{cron}' {problem}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TryFindTimeZone(options.TimeZone, out _))
        {
            failures.Add($"{ScheduleOptions.Section}:{nameof(ScheduleOptions.TimeZone)}: '{options.TimeZone}' is not a time zone this machine knows (use an IANA id such as 'Europe/Berlin' or 'UTC').");
        }

        if (options.RetryMaxDelay < options.RetryDelay)
        {
            failures.Add($"{ScheduleOptions.Section}:{nameof(ScheduleOptions.RetryMaxDelay)}: {options.RetryMaxDelay} is shorter than {ScheduleOptions.Section}:{nameof(ScheduleOptions.RetryDelay)} ({options.RetryDelay}); the longest wait must be at least the first.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

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
