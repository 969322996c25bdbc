using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>The renewal forecast's own backtest: past months forecast some months ahead against what happened (docs/exports.md).</summary>
internal static class RenewalBacktestCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "month", "lead_months", "forecast_date", "renewals_due", "arr_due", "expected_renewed_arr", "p10_renewed_arr",
        "p90_renewed_arr", "actual_renewals", "actual_renewed_arr", "error", "absolute_percent_error", "inside_range",
        "probability_source", .. RenewalComparisonColumns.Names, .. CalibratedForecastColumns.BacktestNames,
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, IEnumerable<RenewalBacktestMonth> rows, Func<DateOnly, string> probabilitySource) =>
        CsvExport.WriteFile(path, writer => Write(rows, probabilitySource, writer));

    /// <summary>Writes the header and one row per month and lead, in the order given; returns the number of rows.</summary>
    public static int Write(IEnumerable<RenewalBacktestMonth> rows, Func<DateOnly, string> probabilitySource, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(probabilitySource);
        return CsvExport.WriteRows(writer, Columns, rows, (csv, r) =>
        {
            csv.WriteField(r.Month, "yyyy-MM-dd");
            csv.WriteField(r.LeadMonths, string.Empty);
            csv.WriteField(r.ForecastDate, "yyyy-MM-dd");
            csv.WriteField(r.RenewalsDue, string.Empty);
            csv.WriteField(r.ArrDue, CsvExport.MoneyFormat);
            csv.WriteField(r.ExpectedRenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(r.P10RenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(r.P90RenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(r.ActualRenewals, string.Empty);
            csv.WriteField(r.ActualRenewedArr, CsvExport.MoneyFormat);
            csv.WriteField(r.Error, CsvExport.MoneyFormat);
            csv.WriteField(r.AbsolutePercentError, CsvExport.RatioFormat);
            csv.WriteField(r.InsideRange ? "true" : "false");
            CsvExport.Text(csv, probabilitySource(r.ForecastDate));
            RenewalComparisonColumns.Write(csv, r.P50RenewedArr, r.EverythingRenewsArr, r.TrailingRateRenewedArr, r.TrailingRateBasis);
            CalibratedForecastColumns.WriteBacktest(csv, r.Calibrated, r.ActualRenewedArr);
            csv.EndRecord();
        });
    }
}
