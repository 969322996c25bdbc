using System.Globalization;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Finance;

/// <summary>The charts of the renewal forecast page: the months ahead, and each lead time's backtest.</summary>
internal static class RenewalForecastCharts
{
    /// <summary>Expected renewed ARR per month with its P10–P90 band, against the ARR due.</summary>
    public static Chart Forecast(IReadOnlyList<RenewalForecastMonth> months) => LineChart.Draw(new LineChartData(
        "Forecast renewed ARR per month",
        [
            new LineSeries("ARR due", [.. months.Select((m, i) => new ChartPoint(i, (double)m.ArrDue))], Dashed: true),
            new LineSeries("Forecast renewed ARR", [.. months.Select((m, i) => new ChartPoint(i, (double)m.Calibrated.Amount))], Markers: true),
        ],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90 range", [.. months.Select((m, i) => Band(i, m.Calibrated))]),
        YFormat: ValueFormat.Compact,
        XDomain: (0, Math.Max(1, months.Count - 1)),
        XTickLabel: MonthLabel([.. months.Select(m => m.Month)])));

    /// <summary>The ARR due per month, stacked into what is expected to renew and to churn.</summary>
    public static Chart RenewedAndChurned(IReadOnlyList<RenewalForecastMonth> months) => BarChart.Draw(new BarChartData(
        "ARR due: expected to renew and to churn",
        [.. months.Select(m => m.Month.ToString("MMM yy", CultureInfo.InvariantCulture))],
        [
            new ChartSeries("Expected renewed", [.. months.Select(m => (double)m.ExpectedRenewedArr)]),
            new ChartSeries("Expected churned", [.. months.Select(m => (double)Math.Max(0, m.ExpectedChurnedArr))]),
        ],
        Stacked: true,
        "Month",
        "ARR",
        ValueFormat.Compact));

    /// <summary>The forecasts made <paramref name="lead"/> months ahead, with their band and the trailing-rate baseline where rows have it, against what renewed.</summary>
    public static Chart Backtest(IReadOnlyList<RenewalBacktestMonth> rows, int lead) => LineChart.Draw(new LineChartData(
        string.Create(CultureInfo.InvariantCulture, $"Forecasts made {lead} months ahead vs what renewed"),
        [
            new LineSeries("Forecast given", [.. rows.Select((r, i) => new ChartPoint(i, (double)(r.Calibrated?.Amount ?? r.ExpectedRenewedArr)))], Markers: true),
            new LineSeries("Model's expected renewed ARR", [.. rows.Select((r, i) => new ChartPoint(i, (double)r.ExpectedRenewedArr))], Dashed: true),
            new LineSeries("Trailing-rate baseline", [.. rows.Select((r, i) => (r.TrailingRateRenewedArr, i)).Where(p => p.TrailingRateRenewedArr is not null)
                .Select(p => new ChartPoint(p.i, (double)p.TrailingRateRenewedArr!.Value))], Dashed: true),
            new LineSeries("Actually renewed ARR", [.. rows.Select((r, i) => new ChartPoint(i, (double)r.ActualRenewedArr))], Markers: true),
        ],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90 range", [.. rows.Select((r, i) => r.Calibrated is { } given ? Band(i, given) : new BandPoint(i, (double)r.P10RenewedArr, (double)r.P90RenewedArr))]),
        YFormat: ValueFormat.Compact,
        XDomain: (0, Math.Max(1, rows.Count - 1)),
        XTickLabel: MonthLabel([.. rows.Select(r => r.Month)])));

    // A month without a range (too little settled history) draws none: its band closes on the forecast.
    private static BandPoint Band(int i, CalibratedForecast forecast) =>
        new(i, (double)(forecast.P10 ?? forecast.Amount), (double)(forecast.P90 ?? forecast.Amount));

    // Ticks fall on whole month indexes for these short axes; anything between two months gets no label.
    private static Func<double, string> MonthLabel(IReadOnlyList<DateOnly> months) => x =>
    {
        var i = (int)Math.Round(x);
        return Math.Abs(x - i) < 1e-9 && i >= 0 && i < months.Count ? months[i].ToString("MMM yy", CultureInfo.InvariantCulture) : string.Empty;
    };
}
