using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The scheduled jobs, from each job class's own <see cref="JobDefinition"/>. A chain link runs only after the previous
/// job succeeded; a failure stops that run's chain (the next scheduled run starts afresh).
/// </summary>
internal static class ScheduledJobs
{
    /// <summary>Job data key: "true" when the job runs as part of a chain and must start the next link when it succeeds.</summary>
    public const string ChainKey = "chain";

    /// <summary>Job data key: what started a run that no schedule fired ("manual", "chain after ingest"), for run history.</summary>
    public const string FiredByKey = "firedBy";

    /// <summary>Every job, in the order the command line and the dashboard list them.</summary>
    public static IReadOnlyList<JobDefinition> All { get; } =
        [IngestJob.Definition, TrainJob.Definition, ScoreJob.Definition, SignalsJob.Definition, ReportsJob.Definition, ForecastJob.Definition];

    /// <summary>The jobs' names, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(j => j.Name)];

    /// <summary>Every cron schedule of every job.</summary>
    public static IReadOnlyList<JobSchedule> Schedules { get; } = [.. All.SelectMany(j => j.Schedules)];

    /// <summary>The job named <paramref name="name"/>, or null.</summary>
    public static JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Name == name);

    /// <summary>The jobs a chain runs <paramref name="job"/> after.</summary>
    public static IEnumerable<string> Predecessors(string job) => All.Where(j => j.Successor == job).Select(j => j.Name);

    /// <summary>Registers every job's class and the <see cref="IJobSteps"/> that runs them by name.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        foreach (var job in All)
        {
            services.AddSingleton(job.Work);
        }

        services.AddSingleton<JobInputs>();
        services.AddSingleton<ScoringFanOut>();
        return services.AddSingleton<IJobSteps, JobSteps>();
    }
}
