using System.Globalization;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Predicted against observed probability, with the diagonal of perfect calibration. Both axes share one scale, so
/// the diagonal is always at 45 degrees and a point's distance from it reads the same across the chart.
/// </summary>
internal static class CalibrationPlot
{
    private const double MinRadius = 3;
    private const double MaxRadius = 9;

    /// <summary>Draws <paramref name="points"/>; ranges without rows are left out.</summary>
    /// <param name="title">Title, shown and announced to screen readers.</param>
    /// <param name="points">One point per range of predictions, in any order.</param>
    /// <param name="size">Size; a square-ish 460 x 340 when null.</param>
    public static Chart Draw(string title, IReadOnlyList<CalibrationPoint> points, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        var chartSize = size ?? new ChartSize(460, 340);
        var shown = points.Where(p => p.Rows > 0 && double.IsFinite(p.Predicted) && double.IsFinite(p.Observed))
            .OrderBy(p => p.Predicted).ToList();
        var plot = ChartStyle.NewPlot(title, "Predicted probability", "Observed rate");
        plot.Legend.ManualItems.Add(ChartStyle.LegendItem(new LegendEntry("Observed (dot size = rows)", ChartPalette.Series(0), Line: true)));
        plot.Legend.ManualItems.Add(ChartStyle.LegendItem(new LegendEntry("Perfect calibration", ChartPalette.Muted, Line: true, Dashed: true)));
        ChartStyle.LegendOnTop(plot);
        if (shown.Count == 0)
            return ChartStyle.NoData(plot, chartSize, title);

        // Zoom to the data (churn probabilities rarely pass 50%), but keep both axes equal and starting at zero.
        var extent = Math.Min(1, Math.Max(shown.Max(p => Math.Max(p.Predicted, p.Observed)), 0.01));
        var scale = NiceScale.Create(0, extent);
        ChartStyle.Ticks(plot.Axes.Left, scale, ValueFormat.Percent);
        ChartStyle.Ticks(plot.Axes.Bottom, scale, ValueFormat.Percent);
        DashedLine.Add(plot, [new ChartPoint(0, 0), new ChartPoint(scale.Max, scale.Max)], scale, scale, chartSize, ChartPalette.Muted, 1.5f);
        var line = plot.Add.Scatter(shown.Select(p => p.Predicted).ToArray(), shown.Select(p => p.Observed).ToArray(), ChartStyle.Colour(ChartPalette.Series(0)));
        line.LineWidth = 2;
        line.MarkerSize = 0;
        var most = shown.Max(p => p.Rows);
        foreach (var point in shown)
        {
            var marker = plot.Add.Marker(point.Predicted, point.Observed, MarkerShape.FilledCircle, (float)(2 * Radius(point.Rows, most)));
            marker.Color = ChartStyle.Colour(ChartPalette.Series(0));
        }

        plot.Axes.SetLimits(0, scale.Max, 0, scale.Max);
        var described = shown.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"predicted {AxisLabels.Percent(p.Predicted, 1)}, observed {AxisLabels.Percent(p.Observed, 1)} ({p.Rows:#,##0} rows)"));
        return new Chart(plot, chartSize, title, string.Create(CultureInfo.InvariantCulture,
            $"Calibration plot of {shown.Count} ranges of predictions against the observed rate, with the diagonal of perfect calibration: ") + string.Join("; ", described) + ".");
    }

    /// <summary>
    /// The dot radius of a range of <paramref name="rows"/> rows when the largest has <paramref name="most"/>: area
    /// proportional to rows, so a range of 2,000 rows visibly outweighs one of 20.
    /// </summary>
    public static double Radius(int rows, int most) => MinRadius + ((MaxRadius - MinRadius) * Math.Sqrt((double)rows / most));
}
