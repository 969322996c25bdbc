using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// When <c>churnwatch run</c> runs each job, how it retries, how it stops, and how long it keeps run history
/// (section <c>Schedule</c>). Each cron schedule is a Hangfire recurring job; expressions have the standard five fields
/// (minute hour day-of-month month day-of-week: <c>0 7 * * MON</c> is Monday 07:00).
/// </summary>
internal sealed class ScheduleOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Schedule";

    /// <summary>IANA (or Windows) id of the time zone every cron expression is read in. Default <c>UTC</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Ingest alone, to keep the store fresh. Default hourly, <c>0 * * * *</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Ingest { get; set; } = "0 * * * *";

    /// <summary>The daily chain: ingest, then score, then signals, each only after the previous succeeded. Default 05:30 daily, <c>30 5 * * *</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Scoring { get; set; } = "30 5 * * *";

    /// <summary>The weekly risk reports, account CSV and feature-usage export. Default Monday 07:00, <c>0 7 * * MON</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Reports { get; set; } = "0 7 * * MON";

    /// <summary>The renewal forecast and the SaaS metrics, each a CSV and an HTML page in Output:Folder. Default Monday 07:30, <c>30 7 * * MON</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Forecast { get; set; } = "30 7 * * MON";

    /// <summary>
    /// Past months the forecast job's backtest forecasts again 3 and 6 months ahead. A past forecast date without
    /// stored scores trains the models once on the data before it (out-of-sample), so the first weeks cost about one
    /// training per month here. Default 24, as the command's: the forecast and its range come from the 12 settled
    /// months before either way, but with 12 the backtest has only 3 months with a range to show how it held 3 months
    /// ahead, and none 6 months ahead, for 6 s less (131 s against 137 s on the demo company). Range 0 (no backtest) to 36.
    /// </summary>
    [Range(0, 36)]
    public int ForecastBacktestMonths { get; set; } = 24;

    /// <summary>The monthly chain: retrain the models, then score, then signals. Default the 1st at 03:00, <c>0 3 1 * *</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Retraining { get; set; } = "0 3 1 * *";

    /// <summary>
    /// Retries of a step after a transient failure (timeout, dropped connection, busy database). Default 3, range 0 to
    /// 10. The only retry policy: Hangfire's own automatic retries are off.
    /// </summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    /// <summary>Wait before the first retry; each further retry waits twice as long. Default 30 s, range 1 s to 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait between retries, however many have failed: doubling from an hour would otherwise reach weeks.
    /// Default 15 min, range 1 s to 6 h, and at least <see cref="RetryDelay"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// On SIGTERM, how long the running step may take to finish before it is cancelled (Hangfire's stop timeout).
    /// Default 5 min, range 0 to 1 h.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long run history (table <c>job_runs</c>) is kept. Default 180 days, range 1 to 3650 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// The name of this node in run history and of its Hangfire server. Default empty: host name plus a unique suffix.
    /// Two running nodes must never share a name.
    /// </summary>
    [RegularExpression(@"^[A-Za-z0-9._-]{0,100}$", ErrorMessage = "Only letters, digits, '.', '_' and '-', at most 100.")]
    public string? NodeName { get; set; }

    /// <summary>
    /// On a PostgreSQL or SQL Server store: a job whose node stopped keeping it alive (killed, cut off) is handed to
    /// another node this long after the node's last sign of life (Hangfire's sliding invisibility timeout, renewed
    /// while the job runs). Default 10 s, range 5 s to 10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a node looks for queued jobs and for requests of <c>churnwatch jobs</c>. Default 1 s, range 100 ms to 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On a PostgreSQL or SQL Server store: how many batches of accounts this node scores at once for the score,
    /// signals and reports jobs, whichever node's job asked (each holds one batch of Store:AccountsPerBatch in
    /// memory). Default 1, range 0 to 16; 0 makes this node take no batches (some node must take them).
    /// </summary>
    [Range(0, 16)]
    public int BatchWorkers { get; set; } = 1;

    /// <summary>
    /// For tests only: each job (and each batch job) waits this long after its step's work, before it is recorded as
    /// done, so a test can kill a node in the middle of a job, or see batches spread over nodes. Default 0; range 0 to 10 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TestDelay { get; set; } = TimeSpan.Zero;

    /// <inheritdoc />
    // Every cron expression, the time zone and the retry waits; a message names the key (Schedule:Reports: ...).
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, cron) in CronSchedule.Crons(this))
        {
            if (!string.IsNullOrWhiteSpace(cron) && CronSchedule.CronProblem(cron) is { } problem)
            {
                yield return new ValidationResult($"{Section}:{key}: '{cron}' {problem}", [key]);
            }
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !CronSchedule.TryFindTimeZone(TimeZone, out _))
        {
            yield return new ValidationResult($"{Section}:{nameof(TimeZone)}: '{TimeZone}' is not a time zone this machine knows (use an IANA id such as 'Europe/Berlin' or 'UTC').", [nameof(TimeZone)]);
        }

        if (RetryMaxDelay < RetryDelay)
        {
            yield return new ValidationResult($"{Section}:{nameof(RetryMaxDelay)}: {RetryMaxDelay} is shorter than {Section}:{nameof(RetryDelay)} ({RetryDelay}); the longest wait must be at least the first.", [nameof(RetryMaxDelay)]);
        }
    }
}
