using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>
/// The conventions the SaaS metrics were computed with, as trailing columns repeated on every row: a CSV has no
/// header block, and a number copied out of the file should not lose the rules it was made by.
/// </summary>
internal static class MetricsConventionColumns
{
    public static IReadOnlyList<string> Names { get; } = ["grace_days", "delinquent", "delinquent_after_days", "same_month_signup_and_cancel"];

    public static void Write(CsvWriter csv, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        csv.WriteField(options.GraceDays, string.Empty);
        CsvExport.Text(csv, options.Delinquent.ToString());
        csv.WriteField(options.DelinquentAfterDays, string.Empty);
        CsvExport.Text(csv, options.SameMonthSignupAndCancel.ToString());
    }
}
