using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>The renewal forecast for finance: one row per month (docs/exports.md).</summary>
internal static class RenewalForecastCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "month", "renewals_due", "arr_due", "expected_renewed_arr", "expected_churned_arr", "p10_renewed_arr", "p90_renewed_arr", "segment",
        .. RenewalComparisonColumns.Names, .. CalibratedForecastColumns.Names,
    ];

    /// <summary>The file name the worker gives this export.</summary>
    public const string FileName = "renewal_forecast.csv";

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, IEnumerable<RenewalForecastMonth> months) => CsvExport.WriteFile(path, writer => Write(months, writer));

    /// <summary>Writes the header and one row per month, in the order given; returns the number of rows.</summary>
    public static int Write(IEnumerable<RenewalForecastMonth> months, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, months, static (csv, m) =>
        {
            csv.WriteField(m.Month, "yyyy-MM-dd");
            csv.WriteField(m.RenewalsDue, string.Empty);
            csv.WriteField(m.ArrDue, CsvExport.MoneyFormat);
            csv.WriteField(m.ExpectedRenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(m.ExpectedChurnedArr, CsvExport.MoneyFormat);
            csv.WriteField(m.P10RenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(m.P90RenewedArr, CsvExport.MoneyFormat);
            CsvExport.Text(csv, m.Segment);
            RenewalComparisonColumns.Write(csv, m.P50RenewedArr, m.EverythingRenewsArr, m.TrailingRateRenewedArr, m.TrailingRateBasis);
            CalibratedForecastColumns.Write(csv, m.Calibrated);
            csv.EndRecord();
        });
}
