using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Store;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Hangfire for ChurnWatch: the storage for the store's kind (<see cref="HangfireStorage"/>), one recurring job per
/// <c>Schedule</c> key, one Hangfire server per <c>churnwatch run</c> node, and the job classes of
/// <see cref="ScheduledJobs"/>. Hangfire's own automatic retries are off: a step retries by Schedule:Retries only.
/// </summary>
internal static class SchedulerSetup
{
    /// <summary>The file an earlier scheduler of ChurnWatch kept in Store:DataFolder; deleted at start, nothing reads it.</summary>
    public const string LegacySqliteFile = "scheduler.db";

    /// <summary>
    /// Adds the jobs, their options and the store-side controls (pause, trigger, history). With <paramref name="run"/>,
    /// also Hangfire's storage and a Hangfire server that runs the jobs in the host.
    /// </summary>
    public static IHostApplicationBuilder AddChurnWatchScheduler(this IHostApplicationBuilder builder, bool run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChurnWatchOptions<ScheduleOptions>();
        builder.Services.AddScheduledJobs();
        builder.Services.AddSingleton<StepRunner>();
        builder.Services.AddSingleton<ShutdownSignal>();
        builder.Services.AddSingleton<JobControlStore>();
        builder.Services.AddSingleton<JobBoard>();
        // The store-wide locks: a job's runs (StepJob), and the dashboards adding their first key (DashboardKeyRing).
        builder.Services.AddSingleton<JobLocks>();
        builder.Services.AddSingleton(sp => SchedulerNode.From(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value));
        if (run)
        {
            builder.AddChurnWatchHangfire(server: true);
        }

        return builder;
    }

    /// <summary>
    /// Adds Hangfire's storage (for the dashboard's <c>/hangfire</c>) and, with <paramref name="server"/>, a Hangfire
    /// server: one worker, so a node runs one step at a time (the steps are CPU- and I/O-heavy; a cluster runs as many
    /// as it has nodes); on SIGTERM it takes no new job, gives the running one Schedule:ShutdownGrace, then cancels it.
    /// </summary>
    public static IHostApplicationBuilder AddChurnWatchHangfire(this IHostApplicationBuilder builder, bool server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Hangfire logs every poll and state change at Information: its warnings and errors are what an operator needs.
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        // This host's own storage, registered before AddHangfire (which would otherwise hand out the static
        // JobStorage.Current, shared by every host of the process): the server, the clients and /hangfire all use it.
        builder.Services.AddSingleton(sp =>
        {
            // Hangfire logs through a static provider: point it at this host's logging before the storage logs anything.
            GlobalConfiguration.Configuration.UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            return HangfireStorage.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value, sp.GetRequiredService<IOptions<ScheduleOptions>>().Value);
        });
        // AddHangfire sets Hangfire.NetCore's own provider before it calls back, and that one throws once this host's
        // logging is disposed while another host of the process still runs Hangfire: ours again, last.
        builder.Services.AddHangfire((sp, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        // One retry policy: Schedule:Retries in StepRunner (StepJob also says so on itself).
        GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
        if (!server)
        {
            return builder;
        }

        builder.Services.AddTransient<StepJob>();
        builder.Services.AddTransient<BatchJob>();
        builder.Services.AddSingleton<BatchQueue>();
        builder.Services.AddHangfireServer((sp, o) =>
        {
            var schedule = sp.GetRequiredService<IOptions<ScheduleOptions>>().Value;
            o.ServerName = sp.GetRequiredService<SchedulerNode>().Name;
            o.WorkerCount = 1;
            o.StopTimeout = schedule.ShutdownGrace;
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
            o.SchedulePollingInterval = schedule.PollInterval;
            o.HeartbeatInterval = TimeSpan.FromSeconds(5);
        });
        if (builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() is { Provider: not StoreProvider.Sqlite }
            && (builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions()).BatchWorkers > 0)
        {
            // A second server in the process, on the batch queue only: a step waiting for its batches holds the one
            // step worker, so the batches (its own included) need workers of their own.
            builder.Services.AddHangfireServer((sp, o) =>
            {
                var schedule = sp.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                o.ServerName = sp.GetRequiredService<SchedulerNode>().Name + ":batches";
                o.Queues = [BatchJob.Queue];
                o.WorkerCount = schedule.BatchWorkers;
                o.StopTimeout = schedule.ShutdownGrace;
                o.ShutdownTimeout = TimeSpan.FromSeconds(30);
                o.SchedulePollingInterval = schedule.PollInterval;
                o.HeartbeatInterval = TimeSpan.FromSeconds(5);
            });
        }
        builder.Services.AddHostedService<ScheduleRegistrar>();
        builder.Services.AddHostedService<LegacySchedulerFile>();
        return builder;
    }
}
