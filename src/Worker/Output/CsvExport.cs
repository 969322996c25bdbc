using CsvHelper;

namespace ChurnWatch.Worker.Output;

/// <summary>
/// The CSV conventions shared by every export: RFC 4180 (comma, CRLF, quotes when needed), UTF-8 without a byte
/// order mark, invariant-culture numbers, ISO dates, snake_case headers, and text cells through
/// <see cref="CsvFormulaGuard"/>.
/// </summary>
internal static class CsvExport
{
    /// <summary>The column schema version of every export; bumped when a column changes meaning or is removed.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Format of amounts: two decimals.</summary>
    public const string MoneyFormat = "0.00";

    /// <summary>Format of probabilities and ratios: four decimals.</summary>
    public const string RatioFormat = "0.0000";

    /// <summary>A writer over <paramref name="writer"/> that leaves it open, so the caller decides its lifetime.</summary>
    public static CsvWriter Create(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // CsvHelper's own injection handling stays off: CsvFormulaGuard does it in one tested place, and doing it
        // twice would double the apostrophe.
        return CsvWriter.Create(writer, null, leaveOpen: true);
    }

    /// <summary>Writes a text cell, guarded against formula injection.</summary>
    public static void Text(CsvWriter csv, string? value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.WriteField(CsvFormulaGuard.Protect(value));
    }

    /// <summary>Writes the header row.</summary>
    /// <summary>
    /// Writes the header, then each row through <paramref name="writeRow"/> (which writes the fields and ends the
    /// record); returns the number of rows. Every export of one row per item goes through here.
    /// </summary>
    public static int WriteRows<T>(TextWriter writer, IReadOnlyList<string> columns, IEnumerable<T> rows, Action<CsvWriter, T> writeRow)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        using var csv = Create(writer);
        Header(csv, columns);
        var count = 0;
        foreach (var row in rows)
        {
            writeRow(csv, row);
            count++;
        }

        csv.Flush();
        return count;
    }

    /// <summary>Writes a file atomically (a reader never sees it half-written); returns what <paramref name="write"/> returns, the row count.</summary>
    public static int WriteFile(string path, Func<TextWriter, int> write)
    {
        var count = 0;
        Output.AtomicFile.WriteText(path, writer => count = write(writer));
        return count;
    }

    public static void Header(CsvWriter csv, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(columns);
        csv.WriteHeader(columns.ToArray().AsSpan());
    }
}
