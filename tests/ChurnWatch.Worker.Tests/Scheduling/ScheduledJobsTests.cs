using System.Reflection;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Tests.TestSupport;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class ScheduledJobsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void All_Successors_IngestAndTrainChainThroughScoreToSignals()
    {
        Assert.Equal(
            [("ingest", "score"), ("train", "score"), ("score", "signals"), ("signals", null), ("reports", null), ("forecast", null)],
            ScheduledJobs.All.Select(j => (j.Name, j.Successor)).ToList());
    }

    [Fact]
    public void Schedules_Keys_EveryScheduleKeyStartsOneJob()
    {
        Assert.Equal(
            [("Ingest", "ingest", false), ("Scoring", "ingest", true), ("Retraining", "train", true), ("Reports", "reports", false), ("Forecast", "forecast", false)],
            ScheduledJobs.Schedules.Select(s => (s.Key, s.Job, s.Chain)).ToList());
        Assert.Equal(
            CronSchedule.Crons(new ScheduleOptions()).Select(c => c.Key).Order(StringComparer.Ordinal),
            ScheduledJobs.Schedules.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddScheduledJobs_EveryJob_ResolvesItsOwnClass()
    {
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?> { ["Store:DataFolder"] = _folder.Path });
        builder.AddChurnWatchScheduler(run: false);
        using var host = builder.Build();

        Assert.All(ScheduledJobs.All, job => Assert.IsType(job.Work, host.Services.GetRequiredService(job.Work)));
        Assert.Equal(
            ["IngestJob", "TrainJob", "ScoreJob", "SignalsJob", "ReportsJob", "ForecastJob"],
            ScheduledJobs.All.Select(j => j.Work.Name).ToList());
    }

    [Fact]
    public void AddChurnWatchHangfire_Retries_OnlyScheduleRetriesNoneOfHangfires()
    {
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?> { ["Store:DataFolder"] = _folder.Path });
        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchHangfire(server: false);

        // Hangfire's default: a global AutomaticRetry of 10 attempts, on top of StepRunner's Schedule:Retries.
        Assert.DoesNotContain(GlobalJobFilters.Filters, f => f.Instance is AutomaticRetryAttribute);
        // Read as metadata, not as an instance: AutomaticRetryAttribute's constructor asks Hangfire's static log
        // provider for a logger, which another test's disposed host may still hold.
        var retry = typeof(StepJob).GetCustomAttributesData().Single(a => a.AttributeType == typeof(AutomaticRetryAttribute));
        Assert.Equal(0, retry.NamedArguments.Single(n => n.MemberName == nameof(AutomaticRetryAttribute.Attempts)).TypedValue.Value);
    }

    public void Dispose() => _folder.Dispose();
}
