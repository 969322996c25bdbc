namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The scheduled jobs, what follows each one in a chain, and which schedule starts which job. A chain link runs only
/// after the previous job succeeded; a failure stops that run's chain (the next scheduled run starts afresh).
/// </summary>
internal static class PipelineJobs
{
    public const string Ingest = "ingest";
    public const string Train = "train";
    public const string Score = "score";
    public const string Signals = "signals";
    public const string Reports = "reports";
    public const string Forecast = "forecast";

    /// <summary>Job data key: "true" when the job runs as part of a chain and must start the next link when it succeeds.</summary>
    public const string ChainKey = "chain";

    /// <summary>Job data key: what started a run that no schedule fired ("manual", "chain after ingest"), for run history.</summary>
    public const string FiredByKey = "firedBy";

    public static IReadOnlyList<string> All { get; } = [Ingest, Train, Score, Signals, Reports, Forecast];

    /// <summary>The job started after <paramref name="job"/> succeeds in a chain, or null at the end of a chain.</summary>
    public static string? Next(string job) => job switch
    {
        Ingest => Score,
        Train => Score,
        Score => Signals,
        _ => null,
    };

    /// <summary>What each job does, for <c>churnwatch jobs list</c>.</summary>
    public static string Describe(string job) => job switch
    {
        Ingest => "read the source database and CSV drops into the store",
        Train => "retrain the churn and renewal models with their backtests",
        Score => "score every active account as of the latest complete week",
        Signals => "find inactive and upsell signals",
        Reports => "write the weekly risk reports, account CSV and feature-usage export",
        Forecast => "write the renewal forecast CSV",
        _ => job,
    };

    /// <summary>
    /// One cron schedule: its <c>Schedule</c> key, the job it fires and whether that fire starts a chain.
    /// </summary>
    public sealed record Schedule(string Key, string Job, bool Chain, Func<ScheduleOptions, string> Cron);

    public static IReadOnlyList<Schedule> Schedules { get; } =
    [
        new(nameof(ScheduleOptions.Ingest), Ingest, Chain: false, o => o.Ingest),
        new(nameof(ScheduleOptions.Scoring), Ingest, Chain: true, o => o.Scoring),
        new(nameof(ScheduleOptions.Reports), Reports, Chain: false, o => o.Reports),
        new(nameof(ScheduleOptions.Forecast), Forecast, Chain: false, o => o.Forecast),
        new(nameof(ScheduleOptions.Retraining), Train, Chain: true, o => o.Retraining),
    ];
}
