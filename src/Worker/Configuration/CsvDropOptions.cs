using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Configuration;

/// <summary>
/// CSV exports dropped into a folder, one sub-folder per entity (section <c>CsvDrops</c>); see the "CSV drops"
/// section of docs/source-contract.md.
/// </summary>
internal sealed class CsvDropOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CsvDrops";

    /// <summary>The ISO-8601 forms read when <see cref="DateFormats"/> is empty; a value without a zone is UTC.</summary>
    public static readonly IReadOnlyList<string> IsoDateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    /// <summary>
    /// The drop folder: files are read from <c>&lt;Folder&gt;/&lt;entity&gt;/*.csv</c> and moved to
    /// <c>&lt;Folder&gt;/processed/&lt;entity&gt;/</c> once imported. Default empty: CSV drops are off.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The field separator, one ASCII character such as <c>,</c> <c>;</c> <c>|</c> or <c>\t</c>. Default <c>,</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(1, MinimumLength = 1, ErrorMessage = "CsvDrops:Delimiter must be exactly one character.")]
    public string Delimiter { get; set; } = ",";

    /// <summary>
    /// The culture whose decimal separator numbers use, as a name such as <c>de-DE</c>. Default empty: the invariant
    /// culture (<c>1530.50</c>). ChurnWatch runs with invariant globalization, so only cultures the runtime can load
    /// are accepted; <see cref="DecimalSeparator"/> always works.
    /// </summary>
    public string Culture { get; set; } = string.Empty;

    /// <summary>
    /// The decimal separator of numbers, overriding <see cref="Culture"/>'s: <c>,</c> reads <c>1530,50</c>.
    /// Default empty: the culture's. One character other than the delimiter.
    /// </summary>
    [StringLength(1)]
    public string DecimalSeparator { get; set; } = string.Empty;

    /// <summary>
    /// Formats of timestamps and dates (.NET custom format strings, tried in order). A value without a zone is UTC; one
    /// with an offset is converted to UTC. Default empty: the ISO-8601 forms of <see cref="IsoDateFormats"/>
    /// (<c>2025-03-04T10:22:00Z</c>, <c>2025-03-04 10:22:00</c>, <c>2025-03-04</c>, ...). Setting it replaces them.
    /// </summary>
    public List<string> DateFormats { get; set; } = [];

    /// <summary>Whether the first line names the columns. Default true; without a header the fields are in the contract's column order.</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary>
    /// Days of raw usage events kept in <c>staged_usage_events</c>, from which a day or week is recounted when a later
    /// file adds events to it (distinct users cannot be added up, only recounted). At the end of each run that imported
    /// usage, whole weeks older than this before the newest staged event's day (the data's as of, not today) are pruned; an event in a pruned week, in a later run, is refused to the
    /// quarantine, since its week could no longer be recounted. Files of one run are all imported before it prunes,
    /// so a backfill dropped at once is whole. Default 180, range 14 to 3650.
    /// </summary>
    [Range(14, 3650)]
    public int StagedUsageDays { get; set; } = 180;

    /// <summary>
    /// How long an import waits for another one of the same drop folder (another <c>churnwatch</c> process, or a scheduled
    /// ingest overlapping a manual one) to finish; the folder's lock file <c>.churnwatch-import.lock</c> says who is
    /// importing. When the other finishes, this one imports what is still waiting (usually nothing). After the wait it
    /// fails, importing nothing, saying the folder is being imported. Default 10 minutes; 0 fails at once; range 0 to 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The Monday before which staged weeks are pruned when the newest staged usage is of <paramref name="newestDay"/>.</summary>
    public DateOnly StagedUsageFrom(DateOnly newestDay) => StagedUsageEvent.WeekOf(newestDay.AddDays(-StagedUsageDays));

    /// <summary>The files' text encoding (a name such as <c>utf-8</c>, <c>utf-16</c>, <c>iso-8859-1</c>, <c>windows-1252</c>). Default <c>utf-8</c>; a byte order mark wins.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Encoding { get; set; } = "utf-8";

    /// <summary>
    /// Header names per entity and contract column, for exports whose headers differ from the contract:
    /// <c>Columns:tickets:opened_at = "Created At"</c>. A column not listed is looked up by its contract name.
    /// Header names match exactly, then ignoring case and surrounding spaces. Default empty.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether CSV drops are configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Folder);

    /// <summary>The date formats in effect.</summary>
    public IReadOnlyList<string> EffectiveDateFormats => DateFormats.Count == 0 ? IsoDateFormats : DateFormats;

    /// <summary>The header of <paramref name="column"/> of <paramref name="entity"/> in the files: the mapped name, or the contract name.</summary>
    public string HeaderOf(string entity, string column)
    {
        var mapping = Columns.FirstOrDefault(e => string.Equals(e.Key, entity, StringComparison.OrdinalIgnoreCase)).Value;
        var header = mapping?.FirstOrDefault(c => string.Equals(c.Key, column, StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrWhiteSpace(header) ? column : header;
    }

    /// <summary>The number format of <see cref="Culture"/> with <see cref="DecimalSeparator"/> applied.</summary>
    public NumberFormatInfo NumberFormat()
    {
        var culture = string.IsNullOrWhiteSpace(Culture) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(Culture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        if (DecimalSeparator.Length == 1)
        {
            // Digit grouping is not accepted at all (1.530,50 is ambiguous across cultures), so only this one matters.
            format.NumberDecimalSeparator = DecimalSeparator;
        }

        return format;
    }

    /// <summary>The encoding named by <see cref="Encoding"/>, code pages (windows-1252) included.</summary>
    public Encoding TextEncoding() =>
        CodePagesEncodingProvider.Instance.GetEncoding(Encoding) ?? System.Text.Encoding.GetEncoding(Encoding);

    /// <summary>Why <see cref="Folder"/> cannot be read from, naming the key and the full path; null when drops are off or it is a folder.</summary>
    public string? FolderProblem()
    {
        if (!Enabled || Directory.Exists(Folder))
        {
            return null;
        }

        var full = Path.GetFullPath(Folder);
        var where = string.Equals(full, Folder, StringComparison.Ordinal) ? $"'{Folder}'" : $"'{Folder}' ({full})";
        return File.Exists(Folder)
            ? $"CsvDrops:Folder {where} is a file; give the drop folder, or leave CsvDrops:Folder empty to read no CSV drops."
            : $"CsvDrops:Folder {where} does not exist; create it, or leave CsvDrops:Folder empty to read no CSV drops.";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FolderProblem() is { } folder)
        {
            yield return new ValidationResult(folder, [nameof(Folder)]);
        }

        if (Delimiter.Length == 1 && (Delimiter[0] > 127 || Delimiter[0] is '"' or '\r' or '\n'))
        {
            yield return new ValidationResult("CsvDrops:Delimiter must be an ASCII character other than a quote or a line break.", [nameof(Delimiter)]);
        }

        if (DecimalSeparator.Length == 1 && DecimalSeparator == Delimiter)
        {
            yield return new ValidationResult("CsvDrops:DecimalSeparator must differ from CsvDrops:Delimiter.", [nameof(DecimalSeparator)]);
        }

        if (!string.IsNullOrWhiteSpace(Culture) && !CultureExists(Culture))
        {
            yield return new ValidationResult(
                $"CsvDrops:Culture '{Culture}' is not available (ChurnWatch runs with invariant globalization); leave it empty and set CsvDrops:DecimalSeparator instead, e.g. \",\".",
                [nameof(Culture)]);
        }

        if (!EncodingExists(Encoding))
        {
            yield return new ValidationResult($"CsvDrops:Encoding '{Encoding}' is not a known encoding name (utf-8, utf-16, iso-8859-1, windows-1252, ...).", [nameof(Encoding)]);
        }

        foreach (var format in DateFormats.Where(f => string.IsNullOrWhiteSpace(f)))
        {
            yield return new ValidationResult($"CsvDrops:DateFormats holds an empty format '{format}'.", [nameof(DateFormats)]);
        }

        for (var i = 0; i < DateFormats.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(DateFormats[i]) && DateFormatProblem(DateFormats[i]) is { } problem)
            {
                yield return new ValidationResult($"CsvDrops:DateFormats:{i} '{DateFormats[i]}' is not a .NET date format: {problem}", [nameof(DateFormats)]);
            }
        }

        if (!HasHeader && Columns.Count > 0)
        {
            yield return new ValidationResult("CsvDrops:Columns maps header names, but CsvDrops:HasHeader is false: files without a header are read in the contract's column order.", [nameof(Columns)]);
        }

        foreach (var (entity, mapping) in Columns)
        {
            var columns = CsvDropColumns.Of(entity);
            if (columns is null)
            {
                yield return new ValidationResult(
                    $"CsvDrops:Columns:{entity} is not an entity; expected one of {string.Join(", ", CsvDropColumns.Entities)}.", [nameof(Columns)]);
                continue;
            }

            foreach (var (column, header) in mapping)
            {
                if (!columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new ValidationResult(
                        $"CsvDrops:Columns:{entity}:{column} is not a column of {entity}; expected one of {string.Join(", ", columns.Select(c => c.Name))}.", [nameof(Columns)]);
                }
                else if (string.IsNullOrWhiteSpace(header))
                {
                    yield return new ValidationResult($"CsvDrops:Columns:{entity}:{column} is empty; give the header name in the files.", [nameof(Columns)]);
                }
            }
        }
    }

    // A format .NET cannot read (an unclosed quote, an unknown one-letter format) throws at the first date of a file,
    // halfway through an import, rather than failing to match.
    private static string? DateFormatProblem(string format)
    {
        try
        {
            _ = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
            _ = DateTime.TryParseExact("2026-01-02", format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static bool CultureExists(string name)
    {
        try
        {
            _ = CultureInfo.GetCultureInfo(name);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool EncodingExists(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) is not null || System.Text.Encoding.GetEncoding(name) is not null;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
