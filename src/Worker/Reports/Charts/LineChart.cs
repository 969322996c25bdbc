using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Lines over a numeric x axis, with an optional shaded band (a forecast range, a confidence interval).</summary>
internal static class LineChart
{
    private const string BandColour = "#c9d6e8";

    /// <summary>Draws <paramref name="data"/> as SVG.</summary>
    public static string Render(LineChartData data, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (width, height) = size ?? ChartSize.Default;
        var canvas = new SvgCanvas(width, height, data.Title, string.Create(CultureInfo.InvariantCulture, $"Line chart of {data.Series.Count} series{(data.Band is null ? "" : " with a shaded range")}."));
        ChartAxes.Title(canvas, data.Title);

        var legend = new List<LegendEntry>();
        if (data.Band is not null)
            legend.Add(new LegendEntry(data.Band.Name, BandColour));
        legend.AddRange(data.Series.Select((s, i) => new LegendEntry(s.Name, Colour(s, i), Line: true, Dashed: s.Dashed)));
        var hasLegend = legend.Count > 1;
        var top = ChartAxes.TitleBand + (hasLegend ? ChartAxes.LegendBand : 0) + 6;
        var area = new PlotArea(64, top, width - 64 - 28, height - top - 44);
        if (hasLegend)
            ChartAxes.Legend(canvas, area.Left, ChartAxes.TitleBand + 10, legend);

        var xs = data.Series.SelectMany(s => s.Points.Select(p => p.X))
            .Concat(data.Band?.Points.Select(p => p.X) ?? []).Where(double.IsFinite).ToList();
        var ys = data.Series.SelectMany(s => s.Points.Select(p => p.Y))
            .Concat(data.Band?.Points.SelectMany(p => new[] { p.Lower, p.Upper }) ?? []).Where(double.IsFinite).ToList();
        if (xs.Count == 0)
        {
            canvas.Text(area.Left + (area.Width / 2), area.Top + (area.Height / 2), "No data", "middle", ChartPalette.Muted);
            return canvas.Complete();
        }

        var x = data.XDomain is { } xd ? NiceScale.Create(xd.Min, xd.Max) : NiceScale.Create(xs.Min(), xs.Max());
        var y = data.YDomain is { } yd ? NiceScale.Create(yd.Min, yd.Max) : NiceScale.Create(Math.Min(0, ys.Min()), Math.Max(0, ys.Max()));
        ChartAxes.Y(canvas, area, y, data.YFormat, data.YLabel);

        if (data.Band is { Points.Count: > 0 } band)
        {
            var outline = band.Points.Select(p => (area.X(x, p.X), area.Y(y, p.Upper)))
                .Concat(band.Points.Reverse().Select(p => (area.X(x, p.X), area.Y(y, p.Lower)))).ToList();
            canvas.OpenGroup().Tooltip(band.Name);
            canvas.Path(outline, "none", 0, BandColour, close: true, extra: "fill-opacity=\"0.8\"");
            canvas.CloseGroup();
        }

        // Dashed reference lines go down first so the data is drawn over them.
        foreach (var s in Enumerable.Range(0, data.Series.Count).OrderBy(i => data.Series[i].Dashed ? 0 : 1))
        {
            var series = data.Series[s];
            var colour = Colour(series, s);
            var points = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => (area.X(x, p.X), area.Y(y, p.Y))).ToList();
            canvas.OpenGroup().Tooltip(series.Name);
            canvas.Path(points, colour, series.Dashed ? 1.5 : 2.25, dash: series.Dashed ? "5 3" : null);
            if (series.Markers)
            {
                foreach (var (px, py) in points)
                {
                    canvas.Circle(px, py, 3.2, colour, "stroke=\"#ffffff\" stroke-width=\"1\"");
                }
            }

            canvas.CloseGroup();
        }

        ChartAxes.XNumeric(canvas, area, x, data.XFormat, data.XLabel, data.XTickLabel);
        return canvas.Complete();
    }

    // References (dashed) are grey: they are the yardstick, not the data.
    private static string Colour(LineSeries series, int index) => series.Dashed ? ChartPalette.Muted : ChartPalette.Series(index);
}
