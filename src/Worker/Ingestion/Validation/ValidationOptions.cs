using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Ingestion.Validation;

/// <summary>How strict ingestion is with bad rows (configuration section <c>Ingest</c>).</summary>
internal sealed class ValidationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Ingest";

    /// <summary>
    /// A timestamp this far past the ingest's own clock is refused as "in the future": clocks drift, time zones get
    /// mixed up, but data from tomorrow is a bug. Default 1 day; range 0 to 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The run fails (exit code 4) when more than this share of an entity's rows is refused; below it, good rows load
    /// and bad ones are quarantined. Default 0.05 (5%); range 0 to 1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxRejectedShare { get; set; } = 0.05;
}
