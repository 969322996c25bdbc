using System.Globalization;

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
    public static string Render(string title, IReadOnlyList<CalibrationPoint> points, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        var (width, height) = size ?? new ChartSize(460, 340);
        var shown = points.Where(p => p.Rows > 0 && double.IsFinite(p.Predicted) && double.IsFinite(p.Observed))
            .OrderBy(p => p.Predicted).ToList();
        var canvas = new SvgCanvas(width, height, title, string.Create(CultureInfo.InvariantCulture,
            $"Calibration plot of {shown.Count} ranges of predictions against the observed rate, with the diagonal of perfect calibration."));
        ChartAxes.Title(canvas, title);
        var top = ChartAxes.TitleBand + ChartAxes.LegendBand + 6;
        var area = new PlotArea(64, top, width - 64 - 28, height - top - 44);
        ChartAxes.Legend(canvas, area.Left, ChartAxes.TitleBand + 10,
        [
            new LegendEntry("Observed (dot size = rows)", ChartPalette.Series(0), Line: true),
            new LegendEntry("Perfect calibration", ChartPalette.Muted, Line: true, Dashed: true),
        ]);

        if (shown.Count == 0)
        {
            canvas.Text(area.Left + (area.Width / 2), area.Top + (area.Height / 2), "No data", "middle", ChartPalette.Muted);
            return canvas.Complete();
        }

        // Zoom to the data (churn probabilities rarely pass 50%), but keep both axes equal and starting at zero.
        var extent = Math.Min(1, Math.Max(shown.Max(p => Math.Max(p.Predicted, p.Observed)), 0.01));
        var scale = NiceScale.Create(0, extent);
        ChartAxes.Y(canvas, area, scale, ValueFormat.Percent, "Observed rate");
        canvas.Line(area.X(scale, 0), area.Y(scale, 0), area.X(scale, scale.Max), area.Y(scale, scale.Max), ChartPalette.Muted, 1.5, "5 3");

        var line = shown.Select(p => (area.X(scale, p.Predicted), area.Y(scale, p.Observed))).ToList();
        canvas.Path(line, ChartPalette.Series(0), 2);
        var most = shown.Max(p => p.Rows);
        foreach (var point in shown)
        {
            // Area proportional to rows, so a range of 2,000 rows visibly outweighs one of 20.
            var radius = MinRadius + ((MaxRadius - MinRadius) * Math.Sqrt((double)point.Rows / most));
            canvas.OpenGroup();
            canvas.Tooltip(string.Create(CultureInfo.InvariantCulture,
                $"Predicted {AxisLabels.Percent(point.Predicted, 1)}, observed {AxisLabels.Percent(point.Observed, 1)}, {point.Rows:#,##0} rows"));
            canvas.Circle(area.X(scale, point.Predicted), area.Y(scale, point.Observed), radius, ChartPalette.Series(0), "stroke=\"#ffffff\" stroke-width=\"1.25\"");
            canvas.CloseGroup();
        }

        ChartAxes.XNumeric(canvas, area, scale, ValueFormat.Percent, "Predicted probability");
        return canvas.Complete();
    }
}
