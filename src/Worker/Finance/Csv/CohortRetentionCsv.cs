using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary><c>churnwatch metrics</c>: the cohort retention table in long form, one row per cohort and month since its start (docs/exports.md).</summary>
internal static class CohortRetentionCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "cohort_month", "months_since_start", "month", "accounts", "starting_mrr", "active_accounts", "logo_retention", "mrr", "mrr_retention",
        .. MetricsConventionColumns.Names,
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, SaasMetricsReport report) => CsvExport.WriteFile(path, writer => Write(report, writer));

    /// <summary>Writes the header and one row per cell; returns the number of rows.</summary>
    public static int Write(SaasMetricsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CsvExport.WriteRows(writer, Columns, report.Cohorts, (csv, c) =>
        {
            csv.WriteField(c.Cohort, "yyyy-MM-dd");
            csv.WriteField(c.MonthsSinceStart, string.Empty);
            csv.WriteField(c.Cohort.AddMonths(c.MonthsSinceStart), "yyyy-MM-dd");
            csv.WriteField(c.Accounts, string.Empty);
            csv.WriteField(c.StartingMrr, CsvExport.MoneyFormat);
            csv.WriteField(c.ActiveAccounts, string.Empty);
            csv.WriteField(c.LogoRetention, CsvExport.RatioFormat);
            csv.WriteField(c.Mrr, CsvExport.MoneyFormat);
            csv.WriteField(c.MrrRetention, CsvExport.RatioFormat);
            MetricsConventionColumns.Write(csv, report.Options);
            csv.EndRecord();
        });
    }
}
