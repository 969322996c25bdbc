using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>The refused rows of one ingest, as a CSV a data owner can fix their export from.</summary>
internal static class QuarantineCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["entity", "source", "location", "column", "value", "reason"];

    /// <summary>File name for a run: quarantine-20260302T060000Z.csv.</summary>
    public static string FileName(DateTime runStartedAt) =>
        $"quarantine-{runStartedAt.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}.csv";

    public static int WriteFile(string path, IEnumerable<QuarantinedRow> rows) => CsvExport.WriteFile(path, writer => Write(rows, writer));

    public static int Write(IEnumerable<QuarantinedRow> rows, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, rows, static (csv, row) =>
        {
            // Every cell is text that came from outside: each goes through the formula guard.
            CsvExport.Text(csv, row.Entity);
            CsvExport.Text(csv, row.Source);
            CsvExport.Text(csv, row.Location);
            CsvExport.Text(csv, row.Column);
            CsvExport.Text(csv, row.Value);
            CsvExport.Text(csv, row.Reason);
            csv.EndRecord();
        });
}
