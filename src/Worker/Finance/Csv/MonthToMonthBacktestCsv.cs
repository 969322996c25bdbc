using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>The month-to-month forecast's backtest: past months forecast 3 and 6 months ahead against the MRR kept (docs/exports.md).</summary>
internal static class MonthToMonthBacktestCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "month", "lead_months", "forecast_date", "accounts", "mrr_at_forecast", "expected_mrr_kept", "p10_mrr_kept", "p90_mrr_kept",
        "trailing_rate_mrr_kept", "actual_mrr_kept", "inside_range", .. CalibratedForecastColumns.BacktestNames,
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, IEnumerable<MonthToMonthBacktestMonth> months) => CsvExport.WriteFile(path, writer => Write(months, writer));

    /// <summary>Writes the header and one row per month and lead, in the order given; returns the number of rows.</summary>
    public static int Write(IEnumerable<MonthToMonthBacktestMonth> months, TextWriter writer) =>
        CsvExport.WriteRows(writer, Columns, months, static (csv, m) =>
        {
            csv.WriteField(m.Month, "yyyy-MM-dd");
            csv.WriteField(m.LeadMonths, string.Empty);
            csv.WriteField(m.ForecastDate, "yyyy-MM-dd");
            csv.WriteField(m.Accounts, string.Empty);
            csv.WriteField(m.MrrAtForecast, CsvExport.MoneyFormat);
            csv.WriteField(m.ExpectedMrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.P10MrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.P90MrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.TrailingRateMrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.ActualMrrKept, CsvExport.MoneyFormat);
            csv.WriteField(m.InsideRange ? "true" : "false");
            CalibratedForecastColumns.WriteBacktest(csv, m.Calibrated, m.ActualMrrKept);
            csv.EndRecord();
        });
}
