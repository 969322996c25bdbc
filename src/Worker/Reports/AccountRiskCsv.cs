using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.Reports;

/// <summary>The all-accounts risk table: the weekly report's rows for every account, one CSV row each (docs/exports.md).</summary>
internal static class AccountRiskCsv
{
    /// <summary>Separator of list cells (reasons, signals); chosen because it is rare in sentences and reads well.</summary>
    public const string ListSeparator = " | ";

    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "as_of", "owner_email", "account_id", "account_name", "segment", "plan", "arr", "churn_probability",
        "arr_at_risk", "risk_band", "churn_probability_change", "renewal_date", "renewal_probability",
        "top_reasons", "open_signals", "weekly_active_users_latest", "reasons_direction", "context", "next_step",
        "changed_since_last_week",
    ];

    /// <summary>The file name the worker gives this export.</summary>
    public const string FileName = "account_risk.csv";

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, DateOnly asOf, IEnumerable<AccountRiskRow> rows) => CsvExport.WriteFile(path, writer => Write(asOf, rows, writer));

    /// <summary>Writes the header and one row per account, in the order given; returns the number of rows.</summary>
    public static int Write(DateOnly asOf, IEnumerable<AccountRiskRow> rows, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, rows, (csv, row) => WriteRow(csv, asOf, row));

    private static void WriteRow(CsvWriter csv, DateOnly asOf, AccountRiskRow row)
    {
        csv.WriteField(asOf, "yyyy-MM-dd");
        CsvExport.Text(csv, row.OwnerEmail);
        CsvExport.Text(csv, row.AccountId);
        CsvExport.Text(csv, row.Name);
        CsvExport.Text(csv, row.Segment);
        CsvExport.Text(csv, row.Plan);
        csv.WriteField(row.Arr, CsvExport.MoneyFormat);
        csv.WriteField(row.ChurnProbability, CsvExport.RatioFormat);
        csv.WriteField(row.ArrAtRisk, CsvExport.MoneyFormat);
        CsvExport.Text(csv, row.Band.ToString().ToLowerInvariant());
        csv.WriteField(row.ChurnProbabilityChange, CsvExport.RatioFormat);
        if (row.RenewalDate is { } renewal)
            csv.WriteField(renewal, "yyyy-MM-dd");
        else
            csv.WriteField((string?)null);
        csv.WriteField(row.RenewalProbability, CsvExport.RatioFormat);
        CsvExport.Text(csv, string.Join(ListSeparator, row.TopReasons.Take(3)));
        CsvExport.Text(csv, string.Join(ListSeparator, row.Signals.Select(s => $"{s.Kind} ({s.Severity}): {s.Evidence}")));
        csv.WriteField(row.WeeklyActiveUsers.Count > 0 ? row.WeeklyActiveUsers[^1] : (int?)null, string.Empty);
        CsvExport.Text(csv, row.TopReasons.Count == 0 ? string.Empty : row.ReasonsProtect ? "protective" : "raises_risk");
        CsvExport.Text(csv, row.Context);
        CsvExport.Text(csv, row.NextStep ?? string.Empty);
        CsvExport.Text(csv, string.Join(ListSeparator, row.Changes));
        csv.EndRecord();
    }
}
