using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Bars per category: grouped side by side, or stacked to show a total and its parts.</summary>
internal static class BarChart
{
    /// <summary>Draws <paramref name="data"/> as SVG.</summary>
    public static string Render(BarChartData data, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data);
        var (width, height) = size ?? ChartSize.Default;
        var canvas = new SvgCanvas(width, height, data.Title, Describe(data));
        var prefix = ChartIds.Prefix(data.Title);
        var hatch = ChartPalette.HatchId(prefix);
        canvas.Raw(ChartPalette.HatchDefs(prefix));
        ChartAxes.Title(canvas, data.Title);

        var hasLegend = data.Series.Count > 1;
        var top = ChartAxes.TitleBand + (hasLegend ? ChartAxes.LegendBand : 0) + 6;
        // Room below the axis for category labels on two lines.
        var area = new PlotArea(64, top, width - 64 - 16, height - top - 56);
        if (hasLegend)
        {
            var entries = data.Series.Select((s, i) => new LegendEntry(s.Name, data.Colour(i), Hatched: data.Stacked && ChartPalette.IsHatched(i))).ToList();
            ChartAxes.Legend(canvas, area.Left, ChartAxes.TitleBand + 10, entries, hatch);
        }

        var (min, max) = Range(data);
        // Headroom for the value labels of single-series charts.
        if (data.Series.Count == 1)
            max += (max - min) * 0.06;
        var y = NiceScale.Create(min, max);
        ChartAxes.Y(canvas, area, y, data.YFormat, data.YLabel);

        var band = data.Categories.Count == 0 ? area.Width : area.Width / data.Categories.Count;
        var barsWidth = band * 0.72;
        for (var c = 0; c < data.Categories.Count; c++)
        {
            var bandLeft = area.Left + (band * c) + ((band - barsWidth) / 2);
            var stackBase = 0.0;
            for (var s = 0; s < data.Series.Count; s++)
            {
                var value = data.Series[s].Values[c];
                double x, w, from, to;
                if (data.Stacked)
                {
                    (x, w, from, to) = (bandLeft, barsWidth, stackBase, stackBase + value);
                    stackBase += value;
                }
                else
                {
                    w = barsWidth / data.Series.Count;
                    (x, from, to) = (bandLeft + (w * s), 0, value);
                }

                var yTop = area.Y(y, Math.Max(from, to));
                var yBottom = area.Y(y, Math.Min(from, to));
                var colour = data.Colour(s);
                canvas.OpenGroup();
                canvas.Tooltip(data.Categories[c] + ", " + data.Series[s].Name + ": " + Value(value, data.YFormat));
                canvas.Rect(x + 0.5, yTop, w - 1, yBottom - yTop, colour, ChartPalette.OutlineFor(colour));
                // A single series of wide bars gets its values printed, so nobody has to read them off the grid.
                if (data.Series.Count == 1 && w >= 24)
                    canvas.Text(x + (w / 2), value >= 0 ? yTop - 4 : yBottom + 12, Value(value, data.YFormat), "middle", ChartPalette.Ink, 10);
                if (data.Stacked && ChartPalette.IsHatched(s))
                    canvas.Rect(x + 0.5, yTop, w - 1, yBottom - yTop, "url(#" + hatch + ")");
                canvas.CloseGroup();
            }
        }

        // The zero line goes on top so that negative bars visibly hang from it.
        canvas.Line(area.Left, area.Y(y, 0), area.Right, area.Y(y, 0), ChartPalette.Axis);
        ChartAxes.XCategories(canvas, area, data.Categories, data.XLabel);
        return canvas.Complete();
    }

    private static void Validate(BarChartData data)
    {
        foreach (var series in data.Series)
        {
            if (series.Values.Count != data.Categories.Count)
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {data.Categories.Count} categories.", nameof(data));
            if (series.Values.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Series '{series.Name}' has a value that is not a finite number.", nameof(data));
            if (data.Stacked && series.Values.Any(v => v < 0))
                throw new ArgumentException($"Stacked series '{series.Name}' has a negative value.", nameof(data));
        }
    }

    private static (double Min, double Max) Range(BarChartData data)
    {
        if (data.Series.Count == 0 || data.Categories.Count == 0)
            return (0, 1);
        if (data.Stacked)
        {
            var totals = Enumerable.Range(0, data.Categories.Count).Select(c => data.Series.Sum(s => s.Values[c]));
            return (0, totals.Max());
        }

        var values = data.Series.SelectMany(s => s.Values).ToList();
        // Bars are read by their length from zero, so zero is always on the axis.
        return (Math.Min(0, values.Min()), Math.Max(0, values.Max()));
    }

    private static string Value(double value, ValueFormat format) => format switch
    {
        ValueFormat.Percent => AxisLabels.Percent(value, 1),
        ValueFormat.Compact => AxisLabels.Compact(value),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Describe(BarChartData data) =>
        string.Create(CultureInfo.InvariantCulture, $"{(data.Stacked ? "Stacked" : "Grouped")} bar chart of {data.Series.Count} series over {data.Categories.Count} categories.");
}
