using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Configuration;

/// <summary>Where reports and exports go and what they show (section <c>Output</c>).</summary>
internal sealed class OutputOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Output";

    /// <summary>Folder for reports and exports. Default <c>out</c>, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "out";

    /// <summary>
    /// How old a source's newest data may be, at the time an output is written, before the output warns that it is
    /// stale. Default 36 hours: a daily load that is a few hours late does not warn, a missed day does.
    /// Range 1 minute to 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(36);

    /// <summary>The window of the "renewals coming up" figures, in days. Default 90, range 7 to 366.</summary>
    [Range(7, 366)]
    public int RenewalWindowDays { get; set; } = ReportKpis.DefaultRenewalWindowDays;

    /// <summary>
    /// The owner of an account whose source row has no <c>owner_email</c>: its signals and its place in the weekly
    /// reports go to this owner. Default <c>unassigned</c>, a report that is written but emailed to nobody; an email
    /// address (a team lead, a shared inbox) has it sent like any manager's.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string UnassignedOwner { get; set; } = "unassigned";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Found at start rather than when the first report is written, after the pipeline's work.
        if (File.Exists(Folder))
        {
            yield return new ValidationResult($"'{Folder}' is a file; give a folder (it is created if missing).", [nameof(Folder)]);
        }
    }
}
