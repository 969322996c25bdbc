using ChurnWatch.Worker.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Quartz for ChurnWatch: a persistent job store (a SQLite file beside the embedded store; on a PostgreSQL or SQL
/// Server store, Quartz's tables in the same database, clustered), its tables provisioned at start, the jobs of
/// <see cref="ScheduledJobs"/> with their cron triggers, and the chain listener.
/// </summary>
internal static class SchedulerSetup
{
    /// <summary>The Quartz group of every ChurnWatch job.</summary>
    public const string Group = "churnwatch";

    /// <summary>The Quartz scheduler name: every node of one cluster uses it.</summary>
    public const string SchedulerName = "ChurnWatch";

    /// <summary>File name of the embedded scheduler store in Store:DataFolder (kept apart from the store, whose long ingest transactions would block it).</summary>
    public const string SqliteFile = "scheduler.db";

    /// <summary>
    /// Adds the scheduler. With <paramref name="run"/>, the jobs and triggers are (re)stored and the scheduler runs
    /// in the host; without, the scheduler is only a client of the job store (the <c>jobs</c> commands).
    /// </summary>
    public static IHostApplicationBuilder AddChurnWatchScheduler(this IHostApplicationBuilder builder, bool run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        builder.Services.AddScheduledJobs();
        builder.Services.AddSingleton<StepRunner>();
        builder.Services.AddSingleton<ShutdownSignal>();

        var store = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var schedule = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var node = string.IsNullOrEmpty(schedule.NodeName) ? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(Environment.MachineName.Length + 9, 100)] : schedule.NodeName;
        ScheduleOptionsValidator.TryFindTimeZone(schedule.TimeZone, out var zone);

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = SchedulerName;
                o.InstanceId = node;
                // A missed fire (downtime, all nodes busy) fires once, now, never once per missed slot.
                o.DefaultMisfireHandling = DefaultMisfireHandling.FireAndProceed;
                o.DefaultTimeZone = zone;
            });
            // One job at a time per node: the steps are CPU- and I/O-heavy; a cluster runs as many as it has nodes.
            q.UseDefaultThreadPool(1);
            q.UsePersistentStore(s =>
            {
                switch (store.Provider)
                {
                    case StoreProvider.PostgreSql:
                        s.UsePostgres(store.ConnectionString ?? "");
                        s.UseClustering(c =>
                        {
                            c.CheckinInterval = schedule.ClusterCheckinInterval;
                            c.CheckinMisfireThreshold = schedule.ClusterCheckinInterval;
                        });
                        break;
                    case StoreProvider.SqlServer:
                        s.UseSqlServer(store.ConnectionString ?? "");
                        s.UseClustering(c =>
                        {
                            c.CheckinInterval = schedule.ClusterCheckinInterval;
                            c.CheckinMisfireThreshold = schedule.ClusterCheckinInterval;
                        });
                        break;
                    default:
                        Directory.CreateDirectory(store.DataFolder);
                        s.UseSqlite($"Data Source={Path.Combine(store.DataFolder, SqliteFile)}");
                        break;
                }

                s.ConfigureStore(o => o.MisfireThreshold = schedule.MisfireThreshold);
                s.ProvisionSchema();
            });

            if (!run)
            {
                return;
            }

            foreach (var job in ScheduledJobs.All)
            {
                q.AddJob<PipelineJob>(j => j
                    .WithIdentity(job.Name, Group)
                    .WithDescription(job.Description)
                    .StoreDurably()
                    .RequestRecovery()
                    .DisallowConcurrentExecution());
            }

            // An invalid cron is reported, naming its key, by ScheduleOptionsValidator before the scheduler starts.
            foreach (var entry in ScheduledJobs.Schedules.Where(e => ScheduleOptionsValidator.IsValidCron(e.Cron(schedule))))
            {
                // Triggers of a job live in a group named after it: pausing the group pauses the job, and the pause
                // survives the triggers being stored again at the next start.
                q.AddTrigger(t => t
                    .WithIdentity(entry.Key, entry.Job)
                    .ForJob(entry.Job, Group)
                    .WithDescription($"Schedule:{entry.Key}")
                    .UsingJobData(ScheduledJobs.ChainKey, entry.Chain ? "true" : "false")
                    .WithSchedule(CronScheduleBuilder.Create(entry.Cron(schedule))
                        .InTimeZone(zone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }

            q.AddJobListener<ChainListener>([GroupMatcher<JobKey>.GroupEquals(Group)]);
        });

        if (run)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            builder.Services.AddHostedService<GracefulShutdown>();
        }

        return builder;
    }
}
