using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>Where reports and exports go and how they judge data freshness (section <c>Output</c>).</summary>
internal sealed class OutputOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Output";

    /// <summary>Folder for reports and exports. Default <c>out</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "out";

    /// <summary>
    /// A source whose newest data is older than this, relative to the report's as-of time, is flagged stale on
    /// every output. Default 3 days; range 1 hour to 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(3);
}
