using System.Globalization;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.TableModels;

/// <summary>
/// Reads a CSV of one row per account (header first) into an <see cref="AccountTable"/>, refusing ragged rows, and
/// writes one back.
/// </summary>
internal static class AccountTableCsv
{
    public static AccountTable Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new TableException($"{path}: no such file.");
        }

        var options = CsvReaderOptions.Default with
        {
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using var reader = CsvReader.FromFile(path, options);
        try
        {
            return Read(reader, name);
        }
        catch (Exception e) when (e is not TableException)
        {
            // Broken quoting and the like: one sentence naming the file, not a stack trace.
            throw new TableException($"{name}: the file cannot be read as CSV: {e.Message}", e);
        }
    }

    /// <summary>Writes the table atomically: number cells as they are, text cells through the formula guard.</summary>
    public static int Write(string path, AccountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Write(path, table.Columns, table.Rows);
    }

    /// <summary>The same for rows handed out one at a time (written as they come, never held together).</summary>
    public static int Write(string path, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return CsvExport.WriteFile(path, writer => CsvExport.WriteRows(writer, columns, rows, static (csv, row) =>
        {
            foreach (var cell in row)
            {
                // The guard would turn -0.5 into '-0.5, which no reader takes for a number.
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    csv.WriteField(cell);
                }
                else
                {
                    CsvExport.Text(csv, cell);
                }
            }

            csv.EndRecord();
        }));
    }

    private static AccountTable Read(CsvReader reader, string name)
    {
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            throw new TableException($"{name}: the file is empty; expected a header row and one row per account.");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TableException($"{name}: the header names column '{duplicate.Key}' twice.");
        }

        var rows = new List<string[]>();
        while (reader.Read())
        {
            if (reader.FieldCount != header.Count)
            {
                throw new TableException($"{name}: line {reader.LineNumber} has {reader.FieldCount} cells but the header has {header.Count} (a ragged row).");
            }

            var cells = new string[header.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? string.Empty;
            }

            rows.Add(cells);
        }

        return rows.Count == 0 ? throw new TableException($"{name}: the file has a header but no rows.") : new AccountTable(name, header, rows);
    }
}
