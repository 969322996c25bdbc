using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class ScheduleOptionsValidationTests
{

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(Validate(new ScheduleOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BerlinTimeZone_Succeeds()
    {
        Assert.True(Validate(new ScheduleOptions { TimeZone = "Europe/Berlin" }).Succeeded);
    }

    [Theory]
    [InlineData(nameof(ScheduleOptions.Ingest))]
    [InlineData(nameof(ScheduleOptions.Scoring))]
    [InlineData(nameof(ScheduleOptions.Reports))]
    [InlineData(nameof(ScheduleOptions.Forecast))]
    [InlineData(nameof(ScheduleOptions.Retraining))]
    public void Validate_InvalidCron_FailsNamingTheKey(string key)
    {
        var options = new ScheduleOptions();
        typeof(ScheduleOptions).GetProperty(key)!.SetValue(options, "0 25 * * *");

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Equal(
            [$"Schedule:{key}: '0 25 * * *' is not a valid cron expression (The given cron expression has an invalid format. Hours: Value must be a number between 0 and 23 (all inclusive)); "
             + "a schedule has five fields: minute hour day-of-month month day-of-week, e.g. '0 7 * * MON' for Monday 07:00."],
            result.Failures);
    }

    [Theory]
    [InlineData("0 0 7 ? * MON", 6)]
    [InlineData("0 30 5 * * ? 2027", 7)]
    public void Validate_OldFormWithSeconds_FailsShowingTheFiveFieldForm(string cron, int fields)
    {
        var result = Validate(new ScheduleOptions { Reports = cron });

        Assert.Equal(
            [$"Schedule:Reports: '{cron}' has {fields} fields, the old form with seconds first (and a year); a schedule has five fields: minute hour day-of-month month day-of-week, e.g. '0 7 * * MON' for Monday 07:00."],
            result.Failures);
    }

    [Theory]
    [InlineData("0 0 31 2 *")]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    public void Validate_CronThatNeverFires_FailsNamingTheKey(string cron)
    {
        var result = Validate(new ScheduleOptions { Forecast = cron });

        Assert.Equal(
            [$"Schedule:Forecast: '{cron}' never fires (no date matches it, e.g. the 31st of a month that has 30 days); a schedule has five fields: minute hour day-of-month month day-of-week, e.g. '0 7 * * MON' for Monday 07:00."],
            result.Failures);
    }

    [Fact]
    public void Validate_UnknownTimeZone_FailsNamingTheKey()
    {
        var result = Validate(new ScheduleOptions { TimeZone = "Mars/Olympus_Mons" });

        Assert.Equal(["Schedule:TimeZone: 'Mars/Olympus_Mons' is not a time zone this machine knows (use an IANA id such as 'Europe/Berlin' or 'UTC')."], result.Failures);
    }

    [Fact]
    public void Validate_RetryMaxDelayBelowRetryDelay_FailsNamingBothKeys()
    {
        var result = Validate(new ScheduleOptions { RetryDelay = TimeSpan.FromMinutes(5), RetryMaxDelay = TimeSpan.FromMinutes(1) });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Schedule:RetryMaxDelay: 00:01:00 is shorter than Schedule:RetryDelay (00:05:00)", failure, StringComparison.Ordinal);
    }

    /// <summary>
    /// The defaults fire when the earlier six-field defaults did (<c>0 0 * * * ?</c>, <c>0 30 5 * * ?</c>,
    /// <c>0 0 7 ? * MON</c>, <c>0 30 7 ? * MON</c>, <c>0 0 3 1 * ?</c>): hourly, 05:30 daily, Monday 07:00 and 07:30, the 1st
    /// at 03:00, in the configured zone. Numeric days of the week would shift by one (1 is Sunday in the old form,
    /// Monday here): the defaults name the day.
    /// </summary>
    [Theory]
    [InlineData("Ingest", "2026-11-21T13:00:00Z", "2026-11-21T14:00:00Z", "2026-11-21T15:00:00Z")]
    [InlineData("Scoring", "2026-11-22T04:30:00Z", "2026-11-23T04:30:00Z", "2026-11-24T04:30:00Z")]
    [InlineData("Reports", "2026-11-23T06:00:00Z", "2026-11-30T06:00:00Z", "2026-12-07T06:00:00Z")]
    [InlineData("Forecast", "2026-11-23T06:30:00Z", "2026-11-30T06:30:00Z", "2026-12-07T06:30:00Z")]
    [InlineData("Retraining", "2026-12-01T02:00:00Z", "2027-01-01T02:00:00Z", "2027-02-01T02:00:00Z")]
    public void Schedules_Defaults_FireOnTheSameDaysAndTimesAsBefore(string key, string first, string second, string third)
    {
        var options = new ScheduleOptions { TimeZone = "Europe/Berlin" };
        CronSchedule.TryFindTimeZone(options.TimeZone, out var zone);
        var cron = CronSchedule.Parse(ScheduledJobs.Schedules.Single(s => s.Key == key).Cron(options));

        // From Saturday 2026-11-21 12:00 UTC; Berlin is on CET (UTC+1) all winter.
        var fires = cron.GetOccurrences(new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), zone, fromInclusive: false, toInclusive: false).Take(3);

        Assert.Equal([first, second, third], fires.Select(f => f.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Schedules_ReportsAcrossTheSpringClockChange_StaysAtSevenLocal()
    {
        CronSchedule.TryFindTimeZone("Europe/Berlin", out var zone);
        var cron = CronSchedule.Parse(new ScheduleOptions().Reports);

        // Berlin moves to CEST (UTC+2) on Sunday 2027-03-28: Monday 07:00 is 06:00 UTC before, 05:00 UTC after.
        var fires = cron.GetOccurrences(new DateTime(2027, 3, 20, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 1, 0, 0, 0, DateTimeKind.Utc), zone).ToList();

        Assert.Equal([new DateTime(2027, 3, 22, 6, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 29, 5, 0, 0, DateTimeKind.Utc)], fires);
    }

    /// <summary>Validation as the host runs it (attributes, then the cross-key checks), as a result to assert on.</summary>
    private static ValidateOptionsResult Validate(ScheduleOptions options) =>
        OptionsProblems.Messages(options) is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
