using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A dashed line drawn as short solid pieces. ScottPlot draws dashes with a Skia path effect, which Skia's SVG writer
/// does not support: it prints "Unsupported path effect" on the console for every such line. One scatter whose pieces
/// are separated by NaN gives the same look in SVG and PNG, as a single path, without the warning.
/// </summary>
internal static class DashedLine
{
    // Dash and gap in pixels, as the hand-drawn charts had them ("5 3").
    private const double Dash = 5;
    private const double Gap = 3;

    /// <summary>Adds the dashed polyline through <paramref name="points"/> to <paramref name="plot"/>.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="points">The line's points in data units, in order.</param>
    /// <param name="x">The x scale the plot's limits are set to.</param>
    /// <param name="y">The y scale the plot's limits are set to.</param>
    /// <param name="size">The chart's size; with the scales it turns pixels of dash into data units.</param>
    /// <param name="colour">Line colour.</param>
    /// <param name="width">Line width in pixels.</param>
    public static void Add(Plot plot, IReadOnlyList<ChartPoint> points, NiceScale x, NiceScale y, ChartSize size, string colour, float width)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        // The plot area is the chart less its axes, title and legend: close enough for the length of a dash.
        var pxPerX = Math.Max(1, size.Width - 80) / (x.Max - x.Min);
        var pxPerY = Math.Max(1, size.Height - 110) / (y.Max - y.Min);
        var xs = new List<double>();
        var ys = new List<double>();
        var drawing = true;
        var open = false;
        var remaining = Dash;
        for (var i = 1; i < points.Count; i++)
        {
            var (from, to) = (points[i - 1], points[i]);
            var length = Math.Sqrt(Math.Pow((to.X - from.X) * pxPerX, 2) + Math.Pow((to.Y - from.Y) * pxPerY, 2));
            var at = 0.0;
            while (at < length)
            {
                var step = Math.Min(remaining, length - at);
                if (drawing)
                {
                    // A dash that runs over a corner continues from the corner instead of starting again.
                    if (!open)
                        Point(from, to, at, length);
                    Point(from, to, at + step, length);
                    open = true;
                }

                at += step;
                remaining -= step;
                if (remaining > 1e-9)
                    continue;
                if (drawing)
                {
                    xs.Add(double.NaN);
                    ys.Add(double.NaN);
                    open = false;
                }

                drawing = !drawing;
                remaining = drawing ? Dash : Gap;
            }
        }

        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), ChartStyle.Colour(colour));
        line.LineWidth = width;
        line.MarkerSize = 0;

        void Point(ChartPoint from, ChartPoint to, double at, double length)
        {
            var t = length <= 0 ? 0 : at / length;
            xs.Add(from.X + ((to.X - from.X) * t));
            ys.Add(from.Y + ((to.Y - from.Y) * t));
        }
    }
}
