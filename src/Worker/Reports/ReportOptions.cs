using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Reports;

/// <summary>Settings of the weekly risk report (configuration section <see cref="SectionName"/>).</summary>
internal sealed class ReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reports";

    /// <summary>
    /// How old a source's newest data may be before the report warns that it is stale. Default 36 hours: a daily
    /// load that is a few hours late does not warn, a missed day does. Range 1 minute to 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(36);

    /// <summary>The window of the "renewals coming up" figures, in days. Default 90, range 7 to 366.</summary>
    [Range(7, 366)]
    public int RenewalWindowDays { get; set; } = ReportKpis.DefaultRenewalWindowDays;

    /// <summary>The folder the pages and the index are written to. Default <c>reports</c>, relative to the working folder.</summary>
    [Required]
    public string OutputFolder { get; set; } = "reports";
}
