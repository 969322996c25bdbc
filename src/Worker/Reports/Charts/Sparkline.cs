using System.Globalization;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A word-sized line chart for a table cell: the trend of one series with its last value marked. The y range starts
/// at zero so that a drop to half looks like half, which is what an account manager needs to see in usage.
/// </summary>
internal static class Sparkline
{
    private const string AreaColour = "#dfe7f2";

    /// <summary>Draws <paramref name="values"/> (oldest first) as a small line.</summary>
    /// <param name="values">The series, oldest first; non-negative values are expected.</param>
    /// <param name="title">Accessible title, for example "Weekly active users, last 12 weeks: 24 to 7".</param>
    /// <param name="width">Width in CSS pixels.</param>
    /// <param name="height">Height in CSS pixels.</param>
    public static Chart Draw(IReadOnlyList<double> values, string title, double width = 120, double height = 28)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(title);
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        // No ticks to generate or measure: a table holds hundreds of sparklines, and text layout is most of a render.
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Top, plot.Axes.Right })
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        }
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        var size = new ChartSize(width, height);
        var count = values.Count;
        // A pixel-free margin: the last point's dot must not be cut by the edge.
        var margin = count <= 1 ? 0.5 : (count - 1) * 0.03;
        if (count == 0)
        {
            plot.Add.HorizontalLine(0, 1, ChartStyle.Colour(ChartPalette.Grid));
            // A faint baseline alone says "no values" without a dashed line (see DashedLine).
            plot.Axes.SetLimits(0, 1, -0.5, 1);
            return new Chart(plot, size, title, "No values.");
        }

        var ys = values.Select(v => double.IsFinite(v) ? Math.Max(v, 0) : 0).ToArray();
        var xs = Enumerable.Range(0, count).Select(i => (double)i).ToArray();
        var top = Math.Max(ys.Max(), 0) is var max && max > 0 ? max : 1;

        // A light area under the line gives the trend weight without competing with the table text; the line and its
        // area are one plottable, so the page carries one path per sparkline rather than three.
        var line = plot.Add.Scatter(xs, ys, ChartStyle.Colour(ChartPalette.Series(0)));
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
        line.FillY = true;
        line.FillYValue = 0;
        line.FillYColor = ChartStyle.Colour(AreaColour);
        var last = plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 4.4f);
        last.Color = ChartStyle.Colour(ChartPalette.Series(0));

        // The y range starts at zero so that a drop to half looks like half.
        plot.Axes.SetLimits(-margin, count - 1 + margin, -top * 0.12, top * 1.12);
        return new Chart(plot, size, title, string.Create(CultureInfo.InvariantCulture, $"{count} values, oldest first: {string.Join(", ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}."));
    }
}
