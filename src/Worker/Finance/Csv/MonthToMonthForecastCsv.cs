using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>The month-to-month revenue forecast for finance: one row per month, MRR kept at its end (docs/exports.md).</summary>
internal static class MonthToMonthForecastCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "month", "accounts", "mrr_at_forecast", "expected_mrr_kept", "p10_mrr_kept", "p50_mrr_kept", "p90_mrr_kept", "trailing_rate_mrr_kept", "segment",
        .. CalibratedForecastColumns.Names,
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, IEnumerable<MonthToMonthForecastMonth> months) => CsvExport.WriteFile(path, writer => Write(months, writer));

    /// <summary>Writes the header and one row per month, in the order given; returns the number of rows.</summary>
    public static int Write(IEnumerable<MonthToMonthForecastMonth> months, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, months, static (csv, m) =>
        {
            csv.WriteField(m.Month, "yyyy-MM-dd");
            csv.WriteField(m.Accounts, string.Empty);
            csv.WriteField(m.MrrAtForecast, CsvExport.MoneyFormat);
            csv.WriteField(m.ExpectedMrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.P10MrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.P50MrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.P90MrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.TrailingRateMrrKept, CsvExport.MoneyFormat);
            CsvExport.Text(csv, m.Segment);
            CalibratedForecastColumns.Write(csv, m.Calibrated);
            csv.EndRecord();
        });
}
