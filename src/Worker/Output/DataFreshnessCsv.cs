using System.Globalization;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Output;

/// <summary>
/// The as-of time of every source behind a set of exports, written beside them: a CSV has no header block to say
/// how fresh its numbers are, so this file says it for all of them.
/// </summary>
internal static class DataFreshnessCsv
{
    public const string FileName = "data_freshness.csv";

    public static IReadOnlyList<string> Columns { get; } =
        ["source", "newest_data_at", "last_ingest_at", "age_hours", "stale_after_hours", "stale"];

    public static int WriteFile(string path, DateTime writtenAt, IEnumerable<SourceAsOf> sources) =>
        CsvExport.WriteFile(path, writer => Write(writtenAt, sources, writer));

    public static int Write(DateTime writtenAt, IEnumerable<SourceAsOf> sources, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, sources, (csv, source) =>
        {
            CsvExport.Text(csv, source.Source);
            csv.WriteField(source.NewestData.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(source.LastIngest.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(source.AgeAt(writtenAt).TotalHours.ToString("0.0", CultureInfo.InvariantCulture));
            csv.WriteField(source.StaleAfter.TotalHours.ToString("0.0", CultureInfo.InvariantCulture));
            csv.WriteField(source.IsStale ? "true" : "false");
            csv.EndRecord();
        });
}
