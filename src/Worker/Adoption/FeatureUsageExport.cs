using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.Adoption;

/// <summary>
/// Usage by account x feature x week for product managers (docs/exports.md). Rows are streamed: the weeks are
/// enumerated once and written as they come, so an export of years of usage never sits in memory.
/// </summary>
internal static class FeatureUsageExport
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "week_start", "account_id", "account_name", "segment", "plan", "feature", "events", "active_users", "seats", "utilisation",
    ];

    /// <summary>The file name the worker gives this export.</summary>
    public const string FileName = "feature_usage.csv";

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static long WriteFile(string path, IEnumerable<UsageWeek> weeks, IReadOnlyDictionary<string, FeatureUsageAccount> accounts, CancellationToken cancellationToken = default)
    {
        long count = 0;
        AtomicFile.WriteText(path, writer => count = Write(weeks, accounts, writer, cancellationToken));
        return count;
    }

    /// <summary>
    /// Writes the header and one row per per-feature week; account-level weeks (<see cref="UsageWeek.AllFeatures"/>)
    /// are skipped because they are not a feature. Usage of an account missing from <paramref name="accounts"/> is
    /// still written, with empty attributes, rather than silently dropped. Returns the number of rows.
    /// </summary>
    /// <param name="weeks">Usage weeks in the order they should appear (the store orders by week, account, feature).</param>
    /// <param name="accounts">Attributes by account id.</param>
    /// <param name="writer">The destination, left open.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    public static long Write(IEnumerable<UsageWeek> weeks, IReadOnlyDictionary<string, FeatureUsageAccount> accounts, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(accounts);
        using var csv = CsvExport.Create(writer);
        CsvExport.Header(csv, Columns);
        long count = 0;
        foreach (var week in weeks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (week.Feature == UsageWeek.AllFeatures)
                continue;
            WriteRow(csv, week, accounts.GetValueOrDefault(week.AccountId));
            count++;
        }

        csv.Flush();
        return count;
    }

    /// <summary>Active users per licensed seat; null when seats are unknown or zero (no meaningful ratio).</summary>
    public static double? Utilisation(int activeUsers, int? seats) => seats is > 0 ? (double)activeUsers / seats.Value : null;

    private static void WriteRow(CsvWriter csv, UsageWeek week, FeatureUsageAccount? account)
    {
        csv.WriteField(week.WeekStart, "yyyy-MM-dd");
        CsvExport.Text(csv, week.AccountId);
        CsvExport.Text(csv, account?.Name);
        CsvExport.Text(csv, account?.Segment);
        CsvExport.Text(csv, account?.Plan);
        CsvExport.Text(csv, week.Feature);
        csv.WriteField(week.Events, string.Empty);
        csv.WriteField(week.ActiveUsers, string.Empty);
        csv.WriteField(account?.Seats, string.Empty);
        csv.WriteField(Utilisation(week.ActiveUsers, account?.Seats), CsvExport.RatioFormat);
        csv.EndRecord();
    }
}
