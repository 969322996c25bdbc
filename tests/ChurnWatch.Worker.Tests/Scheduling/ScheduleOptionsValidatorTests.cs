using ChurnWatch.Worker.Scheduling;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class ScheduleOptionsValidatorTests
{
    private static readonly ScheduleOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(Validator.Validate(null, new ScheduleOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BerlinTimeZone_Succeeds()
    {
        Assert.True(Validator.Validate(null, new ScheduleOptions { TimeZone = "Europe/Berlin" }).Succeeded);
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
        typeof(ScheduleOptions).GetProperty(key)!.SetValue(options, "0 0 25 * * ?");

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([$"Schedule:{key}: '0 0 25 * * ?' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 7 ? * MON')."], result.Failures);
    }

    [Fact]
    public void Validate_UnknownTimeZone_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new ScheduleOptions { TimeZone = "Mars/Olympus_Mons" });

        Assert.Equal(["Schedule:TimeZone: 'Mars/Olympus_Mons' is not a time zone this machine knows (use an IANA id such as 'Europe/Berlin' or 'UTC')."], result.Failures);
    }

    [Fact]
    public void Validate_RetryMaxDelayBelowRetryDelay_FailsNamingBothKeys()
    {
        var result = Validator.Validate(null, new ScheduleOptions { RetryDelay = TimeSpan.FromMinutes(5), RetryMaxDelay = TimeSpan.FromMinutes(1) });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Schedule:RetryMaxDelay: 00:01:00 is shorter than Schedule:RetryDelay (00:05:00)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_Defaults_ReportsMondaySevenInTheConfiguredZone()
    {
        var options = new ScheduleOptions { TimeZone = "Europe/Berlin" };
        ScheduleOptionsValidator.TryFindTimeZone(options.TimeZone, out var zone);
        var cron = new Quartz.CronExpression(ScheduledJobs.Schedules.Single(s => s.Key == "Reports").Cron(options), zone);

        // Saturday 2026-11-21 12:00 UTC: the next fire is Monday 07:00 in Berlin (CET, UTC+1), 06:00 UTC.
        var next = cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), next);
    }
}
