using Microsoft.Extensions.Options;
using Quartz;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Checks every cron expression, the time zone and the retry waits at start; a message names the key (Schedule:Reports: ...).</summary>
internal sealed class ScheduleOptionsValidator(TimeProvider timeProvider) : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, cron) in Crons(options))
        {
            if (!string.IsNullOrWhiteSpace(cron) && !IsValidCron(cron))
            {
                failures.Add($"{ScheduleOptions.Section}:{key}: '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 7 ? * MON').");
            }
            else if (!string.IsNullOrWhiteSpace(cron) && new CronExpression(cron).GetNextValidTimeAfter(timeProvider.GetUtcNow()) is null)
            {
                // Quartz refuses such a trigger only when the scheduler starts, after the store was migrated.
                failures.Add($"{ScheduleOptions.Section}:{key}: '{cron}' never fires (a date that does not exist, such as 31 February, or a year that has passed).");
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

    public static bool IsValidCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
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
