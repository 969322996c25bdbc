using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// The files of the renewal forecast and of the SaaS metrics, as their commands and the weekly forecast job write
/// them: a CSV, its siblings and an HTML page, each replaced atomically, so a re-run leaves one complete set.
/// </summary>
internal static class FinanceFiles
{
    /// <summary>The metrics' CSV in Output:Folder when the weekly job writes it.</summary>
    public const string MetricsFileName = "saas_metrics.csv";

    /// <summary>
    /// Writes the forecast CSV, its backtest (_backtest.csv), the month-to-month revenue forecast and its backtest
    /// (_month_to_month.csv, _month_to_month_backtest.csv), the HTML page (.html) and data_freshness.csv.
    /// </summary>
    /// <returns>The forecast CSV, the backtest CSV, the two month-to-month CSVs and the page.</returns>
    public static IReadOnlyList<string> WriteForecast(RenewalForecastResult result, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        RenewalForecastCsv.WriteFile(csvPath, result.BySegment ?? result.Total);
        var backtest = OutputPaths.Sibling(csvPath, "backtest");
        RenewalBacktestCsv.WriteFile(backtest, result.Backtest, result.ProbabilitySource);
        var monthToMonth = OutputPaths.Sibling(csvPath, "month_to_month");
        MonthToMonthForecastCsv.WriteFile(monthToMonth, result.MonthToMonthBySegment ?? result.MonthToMonth);
        var monthToMonthBacktest = OutputPaths.Sibling(csvPath, "month_to_month_backtest");
        MonthToMonthBacktestCsv.WriteFile(monthToMonthBacktest, result.MonthToMonthBacktest);
        var html = OutputPaths.Html(csvPath);
        AtomicFile.WriteText(html, writer => writer.Write(RenewalForecastHtml.Render(result)));
        DataFreshnessCsv.WriteFile(OutputPaths.Freshness(csvPath), result.GeneratedAt, result.Sources);
        return [csvPath, backtest, monthToMonth, monthToMonthBacktest, html];
    }

    /// <summary>Writes the MRR bridge CSV, the cohort table (_cohorts.csv), the HTML page (.html) and data_freshness.csv.</summary>
    /// <returns>The bridge CSV, the cohort CSV and the page.</returns>
    public static IReadOnlyList<string> WriteMetrics(SaasMetricsResult result, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        MrrBridgeCsv.WriteFile(csvPath, result.Report);
        var cohorts = OutputPaths.Sibling(csvPath, "cohorts");
        CohortRetentionCsv.WriteFile(cohorts, result.Report);
        var html = OutputPaths.Html(csvPath);
        AtomicFile.WriteText(html, writer => writer.Write(SaasMetricsHtml.Render(result.Report, result.Sources, result.Currency, result.GeneratedAt)));
        DataFreshnessCsv.WriteFile(OutputPaths.Freshness(csvPath), result.GeneratedAt, result.Sources);
        return [csvPath, cohorts, html];
    }
}
