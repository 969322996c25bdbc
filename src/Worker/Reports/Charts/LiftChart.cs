using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A cumulative gains chart with the lift it implies: how many of the churners the model finds if you call its
/// riskiest accounts first, against calling at random (the diagonal). The lift at the marked share is printed, because
/// "the top 10% hold 40% of churners, 4x random" is the sentence an account manager repeats.
/// </summary>
internal static class LiftChart
{
    /// <summary>Draws a gains curve (see <see cref="GainsCurve"/>).</summary>
    /// <param name="title">Title, shown and announced to screen readers.</param>
    /// <param name="gains">Points from (0, 0) to (1, 1), in x order.</param>
    /// <param name="markShare">The share of rows whose lift is marked and printed, 10% by default.</param>
    /// <param name="size">Size; 460 x 340 when null.</param>
    public static string Render(string title, IReadOnlyList<ChartPoint> gains, double markShare = 0.1, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(markShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(markShare, 1);
        var (width, height) = size ?? new ChartSize(460, 340);
        var canvas = new SvgCanvas(width, height, title, string.Create(CultureInfo.InvariantCulture,
            $"Cumulative gains chart: share of churners found against share of accounts contacted, riskiest first, with random selection as the diagonal."));
        ChartAxes.Title(canvas, title);
        var top = ChartAxes.TitleBand + ChartAxes.LegendBand + 6;
        var area = new PlotArea(64, top, width - 64 - 28, height - top - 44);
        ChartAxes.Legend(canvas, area.Left, ChartAxes.TitleBand + 10,
        [
            new LegendEntry("Model, riskiest first", ChartPalette.Series(0), Line: true),
            new LegendEntry("Random", ChartPalette.Muted, Line: true, Dashed: true),
        ]);

        var scale = NiceScale.Create(0, 1);
        ChartAxes.Y(canvas, area, scale, ValueFormat.Percent, "Churners found");
        canvas.Line(area.X(scale, 0), area.Y(scale, 0), area.X(scale, 1), area.Y(scale, 1), ChartPalette.Muted, 1.5, "5 3");

        var points = gains.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
        if (points.Count < 2)
        {
            canvas.Text(area.Left + (area.Width / 2), area.Top + (area.Height / 2), "No data", "middle", ChartPalette.Muted);
            ChartAxes.XNumeric(canvas, area, scale, ValueFormat.Percent, "Accounts contacted, riskiest first");
            return canvas.Complete();
        }

        // The area between the curve and the diagonal is what the model adds over random; shading it makes that visible in grey too.
        var curve = points.Select(p => (area.X(scale, p.X), area.Y(scale, p.Y))).ToList();
        var gain = new List<(double X, double Y)>(curve);
        gain.AddRange(points.AsEnumerable().Reverse().Select(p => (area.X(scale, p.X), area.Y(scale, p.X))));
        canvas.Path(gain, "none", 0, "#dfe7f2", close: true);
        canvas.Path(curve, ChartPalette.Series(0), 2.25);
        foreach (var (x, y) in curve)
        {
            canvas.Circle(x, y, 2.6, ChartPalette.Series(0), "stroke=\"#ffffff\" stroke-width=\"1\"");
        }

        var found = GainsCurve.At(points, markShare);
        var lift = found / markShare;
        var mx = area.X(scale, markShare);
        var my = area.Y(scale, found);
        canvas.OpenGroup();
        canvas.Tooltip(string.Create(CultureInfo.InvariantCulture, $"Top {AxisLabels.Percent(markShare)}: {AxisLabels.Percent(found)} of churners, lift {AxisLabels.Fixed(lift, 1)}x"));
        canvas.Line(mx, area.Bottom, mx, my, ChartPalette.Ink, 1, "2 2");
        canvas.Circle(mx, my, 4.5, ChartPalette.RiskHigh, "stroke=\"#ffffff\" stroke-width=\"1.25\"");
        canvas.Text(mx + 8, my + 4, string.Create(CultureInfo.InvariantCulture, $"top {AxisLabels.Percent(markShare)}: {AxisLabels.Percent(found)} of churners ({AxisLabels.Fixed(lift, 1)}\u00d7 random)"), fill: ChartPalette.Ink, size: 11, weight: "600");
        canvas.CloseGroup();

        ChartAxes.XNumeric(canvas, area, scale, ValueFormat.Percent, "Accounts contacted, riskiest first");
        return canvas.Complete();
    }
}
