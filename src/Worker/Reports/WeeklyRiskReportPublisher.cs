using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Reports;

/// <summary>Writes the week's pages and the index into one folder, each file atomically.</summary>
internal static class WeeklyRiskReportPublisher
{
    /// <summary>
    /// Writes one page per report, each followed by its table as CSV and its email's summary part, and then <c>index.html</c>. The index goes last
    /// so that it never links to a page that is not there yet. Returns the paths written, in order.
    /// </summary>
    /// <param name="folder">The output folder; created when missing.</param>
    /// <param name="asOf">The as-of date of the reports.</param>
    /// <param name="reports">One report per account manager.</param>
    public static IReadOnlyList<string> Publish(string folder, DateOnly asOf, IReadOnlyList<WeeklyRiskReport> reports)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(reports);

        var duplicate = reports.GroupBy(r => ReportFileName.ForOwner(r.OwnerEmail), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two reports would be written to '{duplicate.Key}': one report per owner is expected.", nameof(reports));

        Directory.CreateDirectory(folder);
        // Each manager's files are independent, and drawing a page's charts (a sparkline per account) is most of the
        // step's time at scale, so pages are written on every core; the list of files keeps the reports' order.
        var perReport = new string[reports.Count][];
        try
        {
            Parallel.For(0, reports.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var report = reports[i];
                var path = Path.Combine(folder, ReportFileName.ForOwner(report.OwnerEmail));
                AtomicFile.WriteText(path, writer => WeeklyRiskReportHtml.Write(report, writer));
                var csv = Path.Combine(folder, ReportFileName.CsvForOwner(report.OwnerEmail));
                AccountRiskCsv.WriteFile(csv, report.AsOf, AccountRiskRow.Rank(report.Accounts));
                var email = Path.Combine(folder, ReportFileName.EmailForOwner(report.OwnerEmail));
                Pages.Email.WeeklySummaryPart.Write(email, report);
                perReport[i] = [path, csv, email];
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure as itself, with its own message (a full disk, a folder without write access).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var written = new List<string>((reports.Count * 3) + 1);
        written.AddRange(perReport.SelectMany(files => files));
        var index = Path.Combine(folder, ReportFileName.Index);
        AtomicFile.WriteText(index, writer => ReportIndexHtml.Write(asOf, reports, writer));
        written.Add(index);
        return written;
    }
}
