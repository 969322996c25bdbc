using System.Globalization;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Finance;

/// <summary>The charts of the SaaS metrics page: the MRR movements and the revenue retention per month.</summary>
internal static class SaasMetricsCharts
{
    /// <summary>Each month's MRR gains above zero and losses below it.</summary>
    public static Chart Movements(IReadOnlyList<MrrMonth> months) => BarChart.Draw(new BarChartData(
        "MRR movements per month",
        [.. months.Select(m => m.Month.ToString("MMM yy", CultureInfo.InvariantCulture))],
        [
            // Four series: the palette has four colours, and a fifth would repeat the first.
            new ChartSeries("New and reactivation", [.. months.Select(m => (double)(m.NewMrr + m.ReactivationMrr))]),
            new ChartSeries("Expansion", [.. months.Select(m => (double)m.ExpansionMrr)]),
            new ChartSeries("Churn", [.. months.Select(m => -(double)m.ChurnedMrr)]),
            new ChartSeries("Contraction", [.. months.Select(m => -(double)m.ContractionMrr)]),
        ],
        Stacked: false,
        "Month",
        "MRR",
        ValueFormat.Compact));

    /// <summary>Monthly net and gross revenue retention.</summary>
    public static Chart Retention(IReadOnlyList<MrrMonth> months) => LineChart.Draw(new LineChartData(
        "Revenue retention per month",
        [
            new LineSeries("NRR", [.. Points(months, m => m.NetRevenueRetention)], Markers: true),
            new LineSeries("GRR", [.. Points(months, m => m.GrossRevenueRetention)], Markers: true),
        ],
        "Month",
        "Retention",
        YFormat: ValueFormat.Percent,
        XDomain: (0, Math.Max(1, months.Count - 1)),
        // Monthly retention sits near 100%: an axis from zero would flatten every difference worth seeing.
        YDomain: RetentionDomain(months),
        XTickLabel: x => MonthLabel(months, x)));

    private static IEnumerable<ChartPoint> Points(IReadOnlyList<MrrMonth> months, Func<MrrMonth, double?> value)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (value(months[i]) is { } v)
                yield return new ChartPoint(i, v);
        }
    }

    private static (double Min, double Max) RetentionDomain(IReadOnlyList<MrrMonth> months)
    {
        var values = months.SelectMany(m => new[] { m.NetRevenueRetention, m.GrossRevenueRetention }).OfType<double>().ToList();
        return values.Count == 0 ? (0, 1.2) : (Math.Min(0.9, values.Min()), Math.Max(1.05, values.Max()));
    }

    // Ticks fall on whole month indexes for these short axes; anything between two months gets no label.
    private static string MonthLabel(IReadOnlyList<MrrMonth> months, double x)
    {
        var i = (int)Math.Round(x);
        return Math.Abs(x - i) < 1e-9 && i >= 0 && i < months.Count ? months[i].Month.ToString("MMM yy", CultureInfo.InvariantCulture) : string.Empty;
    }
}
