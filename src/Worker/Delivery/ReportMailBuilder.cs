using System.Globalization;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using CsvHelper;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Builds each manager's email from what the output step wrote: <c>reports/&lt;owner&gt;.html</c>, its email summary
/// <c>reports/&lt;owner&gt;.email.mime</c> and that owner's rows of <c>account_risk.csv</c>. Reading the written files (rather than recomputing) means the email is exactly the
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

            var summaryPath = Path.Combine(outputFolder, "reports", ReportFileName.EmailForOwner(group.Key));
            if (!File.Exists(summaryPath))
            {
                throw new FileNotFoundException($"The email summary for {group.Key} is missing ({summaryPath}): the reports were written by an older version; re-run the weekly report before sending.", summaryPath);
            }

            var week = group.First()[asOf];
            mails.Add(new ReportMail(
                week,
                group.Key,
                $"ChurnWatch weekly risk report, week of {week}",
                summaryPath,
                ReportFileName.ForOwner(group.Key),
                File.ReadAllText(htmlPath),
                $"accounts-{week}.csv",
                WriteTable(header, group),
                PlainText(header, group.Key, week, [.. group])));
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

    /// <summary>Accounts the plain-text part lists, most ARR at risk first.</summary>
    private const int PlainTextAccounts = 10;

    /// <summary>
    /// The plain-text alternative of a manager's report, from their rows of the account table: their accounts, ARR and
    /// ARR at risk, and the accounts with the most ARR at risk with their churn risk and top reasons.
    /// </summary>
    private static string PlainText(List<string> header, string owner, string week, List<string[]> rows)
    {
        int Column(string name) => header.IndexOf(name);
        double Number(string[] row, string name) =>
            double.TryParse(row[Column(name)], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"ChurnWatch weekly risk report, week of {week}, for {owner}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{rows.Count:N0} account{(rows.Count == 1 ? string.Empty : "s")}, ARR {rows.Sum(r => Number(r, "arr")):N0}, ARR at risk {rows.Sum(r => Number(r, "arr_at_risk")):N0}.\n\n");
        text.Append("Accounts with the most ARR at risk:\n");
        foreach (var row in rows.OrderByDescending(r => Number(r, "arr_at_risk")).ThenBy(r => r[Column("account_id")], StringComparer.Ordinal).Take(PlainTextAccounts))
        {
            var reasons = row[Column("top_reasons")];
            text.Append(CultureInfo.InvariantCulture,
                $"- {row[Column("account_name")]} ({row[Column("account_id")]}): churn risk {100 * Number(row, "churn_probability"):0}% ({row[Column("risk_band")]}), ARR at risk {Number(row, "arr_at_risk"):N0}{(reasons.Length == 0 ? string.Empty : ". " + reasons)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nThe full report is attached as {ReportFileName.ForOwner(owner)}; your accounts as accounts-{week}.csv.\n");
        return text.ToString();
    }
}
