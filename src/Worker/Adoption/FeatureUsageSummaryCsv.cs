using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Adoption;

/// <summary>
/// <c>churnwatch export feature-usage</c>: use of each feature per period and group of customers, with adoption and
/// the churn of users against non-users (docs/exports.md, feature_usage_summary).
/// </summary>
internal static class FeatureUsageSummaryCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "period_start", "period_end", "grain", "group_by", "group", "feature", "customers", "active_accounts",
        "adoption_rate", "active_users", "events", "events_per_active_user", "churn_90d_share_users",
        "churn_90d_share_non_users", "churn_90d_base_users", "churn_90d_base_non_users", "period_complete",
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, IEnumerable<FeatureUsagePeriod> rows) => CsvExport.WriteFile(path, writer => Write(rows, writer));

    /// <summary>Writes the header and the rows in the order given; returns the number of rows.</summary>
    public static int Write(IEnumerable<FeatureUsagePeriod> rows, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, rows, static (csv, r) =>
        {
            csv.WriteField(r.PeriodStart, "yyyy-MM-dd");
            csv.WriteField(r.PeriodEnd, "yyyy-MM-dd");
            CsvExport.Text(csv, r.Grain.ToString().ToLowerInvariant());
            CsvExport.Text(csv, r.GroupBy.ToString().ToLowerInvariant());
            CsvExport.Text(csv, r.Group);
            CsvExport.Text(csv, r.Feature);
            csv.WriteField(r.Customers, string.Empty);
            csv.WriteField(r.ActiveAccounts, string.Empty);
            csv.WriteField(r.AdoptionRate, CsvExport.RatioFormat);
            csv.WriteField(r.ActiveUsers, CsvExport.MoneyFormat);
            csv.WriteField(r.Events, string.Empty);
            csv.WriteField(r.EventsPerActiveUser, CsvExport.MoneyFormat);
            csv.WriteField(r.ChurnShareUsers, CsvExport.RatioFormat);
            csv.WriteField(r.ChurnShareNonUsers, CsvExport.RatioFormat);
            csv.WriteField(r.ChurnBaseUsers, string.Empty);
            csv.WriteField(r.ChurnBaseNonUsers, string.Empty);
            csv.WriteField(r.Complete ? "true" : "false");
            csv.EndRecord();
        });
}
