using System.Globalization;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Lines over a numeric x axis, with an optional shaded band (a forecast range, a confidence interval).</summary>
internal static class LineChart
{
    private const string BandColour = "#c9d6e8";

    /// <summary>Draws <paramref name="data"/>.</summary>
    public static Chart Draw(LineChartData data, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chartSize = size ?? ChartSize.Default;
        var plot = ChartStyle.NewPlot(data.Title, data.XLabel, data.YLabel);
        var xs = data.Series.SelectMany(s => s.Points.Select(p => p.X))
            .Concat(data.Band?.Points.Select(p => p.X) ?? []).Where(double.IsFinite).ToList();
        var ys = data.Series.SelectMany(s => s.Points.Select(p => p.Y))
            .Concat(data.Band?.Points.SelectMany(p => new[] { p.Lower, p.Upper }) ?? []).Where(double.IsFinite).ToList();
        if (xs.Count == 0)
            return ChartStyle.NoData(plot, chartSize, data.Title);

        var x = data.XDomain is { } xd ? NiceScale.Create(xd.Min, xd.Max) : NiceScale.Create(xs.Min(), xs.Max());
        var y = data.YDomain is { } yd ? NiceScale.Create(yd.Min, yd.Max) : NiceScale.Create(Math.Min(0, ys.Min()), Math.Max(0, ys.Max()));
        ChartStyle.Ticks(plot.Axes.Left, y, data.YFormat);
        ChartStyle.Ticks(plot.Axes.Bottom, x, data.XFormat, data.XTickLabel);

        var legendNames = LegendNames.Fit(data.Series.Select(s => s.Name).Prepend(data.Band?.Name ?? string.Empty).ToList(), chartSize.Width);
        if (data.Band is { Points.Count: > 0 } band)
        {
            var fill = plot.Add.FillY(
                band.Points.Select(p => p.X).ToArray(),
                band.Points.Select(p => p.Lower).ToArray(),
                band.Points.Select(p => p.Upper).ToArray());
            fill.FillColor = ChartStyle.Colour(BandColour).WithAlpha(0.8);
            fill.LineWidth = 0;
            fill.LegendText = legendNames[0];
        }

        // Dashed reference lines go down first so the data is drawn over them.
        foreach (var s in Enumerable.Range(0, data.Series.Count).OrderBy(i => data.Series[i].Dashed ? 0 : 1))
        {
            var series = data.Series[s];
            var points = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
            if (series.Dashed)
            {
                DashedLine.Add(plot, points, x, y, chartSize, Colour(series, s), 1.5f);
                plot.Legend.ManualItems.Add(ChartStyle.LegendItem(new LegendEntry(legendNames[s + 1], Colour(series, s), Line: true, Dashed: true)));
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), ChartStyle.Colour(Colour(series, s)));
            line.LineWidth = 2.25f;
            line.MarkerSize = series.Markers ? 6.5f : 0;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = legendNames[s + 1];
        }

        if (data.Series.Count + (data.Band is null ? 0 : 1) > 1)
            ChartStyle.LegendOnTop(plot);
        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        return new Chart(plot, chartSize, data.Title, Describe(data, x, y));
    }

    // References (dashed) are grey: they are the yardstick, not the data.
    private static string Colour(LineSeries series, int index) => series.Dashed ? ChartPalette.Muted : ChartPalette.Series(index);

    // The text alternative gives each series' first and last point, where a reader's eye goes first.
    private static string Describe(LineChartData data, NiceScale x, NiceScale y)
    {
        string Point(ChartPoint p) => (data.XTickLabel?.Invoke(p.X) ?? AxisLabels.Tick(p.X, x, data.XFormat)) + " " + AxisLabels.Tick(p.Y, y, data.YFormat);
        var series = data.Series.Where(s => s.Points.Count > 0)
            .Select(s => s.Name + " from " + Point(s.Points[0]) + " to " + Point(s.Points[^1]));
        var band = data.Band is null ? string.Empty : ", with a shaded range (" + data.Band.Name + ")";
        return string.Create(CultureInfo.InvariantCulture, $"Line chart of {data.YLabel} by {data.XLabel}{band}. ") + string.Join("; ", series) + ".";
    }
}
