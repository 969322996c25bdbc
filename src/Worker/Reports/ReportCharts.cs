using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>The charts of a manager's weekly report, drawn once here for the report page (SVG) and the email (PNG).</summary>
internal static class ReportCharts
{
    /// <summary>How many of the manager's accounts fall in each 10-point range of churn probability, coloured by risk band.</summary>
    public static Chart RiskDistribution(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var conventions = report.Conventions;
        var bins = HistogramChart.Bin(report.Accounts.Select(r => r.ChurnProbability), 0, 1, 10);
        // A bin takes the band of its lower edge: with thresholds on 10-point steps (the usual 20% and 50%) that is exact.
        string BandColour(HistogramBin bin) =>
            bin.Lower >= conventions.HighThreshold - 1e-9 ? ChartPalette.RiskHigh
            : bin.Lower >= conventions.MediumThreshold - 1e-9 ? ChartPalette.RiskMedium
            : ChartPalette.RiskLow;
        LegendEntry[] legend =
        [
            new("Low", ChartPalette.RiskLow),
            new("Medium", ChartPalette.RiskMedium),
            new("High", ChartPalette.RiskHigh),
        ];
        return HistogramChart.Draw("Accounts by churn probability", bins, "Churn probability", "Accounts", ValueFormat.Percent, binColour: BandColour, legend: legend);
    }

    /// <summary>ARR at risk of the accounts renewing in each month, stacked by risk band.</summary>
    public static Chart ArrAtRiskByRenewalMonth(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return BarChart.Draw(RenewalMonths.Chart(report.Accounts, report.AsOf, report.Conventions.Currency), new ChartSize(640, 300));
    }
}
