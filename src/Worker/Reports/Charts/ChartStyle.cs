using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// The look every chart shares: the embedded font, ink and muted text colours, light grid lines, a left and bottom axis
/// only, the title in bold at the top and the legend in one row under it.
/// </summary>
internal static class ChartStyle
{
    /// <summary>Title text size in pixels.</summary>
    public const float TitleSize = 14;

    /// <summary>Axis label size in pixels.</summary>
    public const float LabelSize = 12;

    /// <summary>Tick and legend text size in pixels; the smallest text on a chart.</summary>
    public const float TickSize = 11;

    /// <summary>A plot with the shared look and <paramref name="title"/> at the top.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        // No plot.Font.Set: in ScottPlot 5.1.59 it fixes each label's typeface and bold is then ignored
        // (ScottPlot issue 5264); labels take Fonts.Default, which ChartFonts sets to the embedded family.
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        plot.Axes.Title.Label.Text = ChartText.Clean(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Colour(ChartPalette.Ink);

        plot.XLabel(ChartText.Clean(xLabel), LabelSize);
        plot.YLabel(ChartText.Clean(yLabel), LabelSize);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.ForeColor = Colour(ChartPalette.Muted);
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Colour(ChartPalette.Muted);
            axis.MajorTickStyle.Color = Colour(ChartPalette.Axis);
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Colour(ChartPalette.Axis);
        }

        // Only the axes that carry values get a line; a full frame is ink that says nothing.
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        // Room on the right for half of the last x tick label (a date is 70 px wide), which is centred on the plot's edge.
        plot.Axes.Right.MinimumSize = 40;
        plot.Grid.MajorLineColor = Colour(ChartPalette.Grid);
        plot.Grid.XAxisStyle.IsVisible = false;

        plot.Legend.FontSize = TickSize;
        plot.Legend.FontColor = Colour(ChartPalette.Ink);
        plot.Legend.OutlineWidth = 0;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.Padding = new PixelPadding(0, 0, 0, 0);
        plot.Legend.Margin = new PixelPadding(0, 0, 0, 0);
        // Shown by LegendOnTop where there is more than one thing to tell apart.
        plot.HideLegend();
        return plot;
    }

    /// <summary>Shows the legend in one row above the plot, under the title.</summary>
    public static void LegendOnTop(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.ShowLegend(Edge.Top);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    /// <summary>Fixed ticks from a <see cref="NiceScale"/>, printed in <paramref name="format"/>.</summary>
    public static void Ticks(IAxis axis, NiceScale scale, ValueFormat format, Func<double, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(scale);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var tick in scale.Ticks)
        {
            ticks.AddMajor(tick, ChartText.Clean(label?.Invoke(tick) ?? AxisLabels.Tick(tick, scale, format)));
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>A legend entry as ScottPlot's legend item: a swatch, or a line sample for line series.</summary>
    public static LegendItem LegendItem(LegendEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var item = new LegendItem { LabelText = ChartText.Clean(entry.Name) };
        if (entry.Line)
        {
            item.LineColor = Colour(entry.Colour);
            // A dashed sample would need a Skia path effect, which the SVG writer cannot write (see DashedLine):
            // references get a thinner line in their grey instead, and the chart's own line is dashed.
            item.LineWidth = entry.Dashed ? 1.5f : 2;
        }
        else
        {
            item.FillColor = Colour(entry.Colour);
            item.OutlineColor = Colour(ChartPalette.NeedsOutline(entry.Colour) ? ChartPalette.Axis : entry.Colour);
            item.OutlineWidth = 0.75f;
        }

        return item;
    }

    /// <summary>"No data" in the middle of a plot whose limits are 0 to 1 on both axes.</summary>
    public static void NoDataText(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var text = plot.Add.Text("No data", 0.5, 0.5);
        text.LabelFontColor = Colour(ChartPalette.Muted);
        text.LabelFontSize = LabelSize;
        text.LabelAlignment = Alignment.MiddleCenter;
    }

    /// <summary>A chart that says "No data" where the data would be, keeping its title and axis labels.</summary>
    public static Chart NoData(Plot plot, ChartSize size, string title)
    {
        NoDataText(plot);
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        return new Chart(plot, size, title, "No data to show.");
    }

    /// <summary>A palette colour (#rrggbb) as ScottPlot's colour.</summary>
    public static Color Colour(string hex) => Color.FromHex(hex);
}
