using System.Globalization;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Csv;
using CsvHelper;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Builds each manager's email from what the output step wrote: <c>reports/&lt;owner&gt;.html</c> and that owner's rows
/// of <c>account_risk.csv</c>. Reading the written files (rather than recomputing) means the email is exactly the
/// report on disk, and a resend sends the same thing.
/// </summary>
internal static class ReportMailBuilder
{
    public static IReadOnlyList<ReportMail> Build(string outputFolder, string? onlyOwner = null)
    {
        var tablePath = Path.Combine(outputFolder, AccountRiskCsv.FileName);
        if (!File.Exists(tablePath))
        {
            throw new FileNotFoundException($"No reports to send: {tablePath} does not exist. Run 'churnwatch demo' (or the weekly report job) first.", tablePath);
        }

        List<string> header;
        List<string[]> rows;
        try
        {
            (header, rows) = ReadTable(tablePath);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{tablePath} cannot be read as CSV ({e.Message}); re-run the weekly report to write it again.", e);
        }

        var owner = header.IndexOf("owner_email");
        var asOf = header.IndexOf("as_of");
        if (owner < 0 || asOf < 0)
        {
            throw new InvalidDataException($"{tablePath} has no owner_email or as_of column: it was not written by this version of ChurnWatch.");
        }

        var byOwner = rows.GroupBy(r => r[owner], StringComparer.OrdinalIgnoreCase)
            .Where(g => onlyOwner is null || string.Equals(g.Key, onlyOwner, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (onlyOwner is not null && byOwner.Count == 0)
        {
            throw new ArgumentException($"No accounts are owned by {onlyOwner} in {tablePath}.", nameof(onlyOwner));
        }

        var mails = new List<ReportMail>(byOwner.Count);
        foreach (var group in byOwner)
        {
            var htmlPath = Path.Combine(outputFolder, "reports", ReportFileName.ForOwner(group.Key));
            if (!File.Exists(htmlPath))
            {
                throw new FileNotFoundException($"The report for {group.Key} is missing ({htmlPath}); re-run the weekly report before sending.", htmlPath);
            }

            var week = group.First()[asOf];
            mails.Add(new ReportMail(
                week,
                group.Key,
                $"ChurnWatch weekly risk report, week of {week}",
                File.ReadAllText(htmlPath),
                $"accounts-{week}.csv",
                WriteTable(header, group)));
        }

        return mails;
    }

    private static (List<string> Header, List<string[]> Rows) ReadTable(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { HasHeader = true, MalformedData = CsvMalformedDataHandling.Throw });
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var cells = new string[header.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? string.Empty;
            }

            rows.Add(cells);
        }

        return (header, rows);
    }

    private static string WriteTable(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // The cells were guarded against formula injection when the table was exported; written again as they are.
        CsvExport.WriteRows(text, header, rows, (csv, row) =>
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        });
        return text.ToString();
    }
}
