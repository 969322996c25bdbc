namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Draws titles, grid lines, ticks and axis labels the same way in every chart, so charts read as one family.</summary>
internal static class ChartAxes
{
    /// <summary>Height taken by the title line.</summary>
    public const double TitleBand = 30;

    /// <summary>Height taken by a legend row.</summary>
    public const double LegendBand = 20;

    /// <summary>Approximate width of one character at 11px, for fitting labels without measuring text.</summary>
    public const double CharWidth = 6.2;

    /// <summary>The visible chart title, top left.</summary>
    public static void Title(SvgCanvas canvas, string title)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Text(8, 19, title, size: 13, weight: "600");
    }

    /// <summary>Horizontal grid lines with value labels on the left, and the rotated y axis label.</summary>
    public static void Y(SvgCanvas canvas, PlotArea area, NiceScale scale, ValueFormat format, string label)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(scale);
        foreach (var tick in scale.Ticks)
        {
            var y = area.Y(scale, tick);
            canvas.Line(area.Left, y, area.Right, y, tick == 0 ? ChartPalette.Axis : ChartPalette.Grid);
            canvas.Text(area.Left - 6, y + 4, AxisLabels.Tick(tick, scale, format), "end", ChartPalette.Muted);
        }

        if (!string.IsNullOrEmpty(label))
        {
            var cy = area.Top + (area.Height / 2);
            canvas.Text(14, cy, label, "middle", ChartPalette.Muted, extra: "transform=\"rotate(-90 14 " + SvgCanvas.Num(cy) + ")\"");
        }
    }

    /// <summary>A numeric x axis: the axis line, ticks with labels, and the axis label below.</summary>
    public static void XNumeric(SvgCanvas canvas, PlotArea area, NiceScale scale, ValueFormat format, string label, Func<double, string>? tickLabel = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(scale);
        canvas.Line(area.Left, area.Bottom, area.Right, area.Bottom, ChartPalette.Axis);
        foreach (var tick in scale.Ticks)
        {
            var x = area.X(scale, tick);
            canvas.Line(x, area.Bottom, x, area.Bottom + 4, ChartPalette.Axis);
            canvas.Text(x, area.Bottom + 16, tickLabel?.Invoke(tick) ?? AxisLabels.Tick(tick, scale, format), "middle", ChartPalette.Muted);
        }

        XLabel(canvas, area, label);
    }

    /// <summary>A category x axis; labels that would overlap are thinned out and long ones shortened.</summary>
    public static void XCategories(SvgCanvas canvas, PlotArea area, IReadOnlyList<string> categories, string label)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(categories);
        canvas.Line(area.Left, area.Bottom, area.Right, area.Bottom, ChartPalette.Axis);
        if (categories.Count == 0)
        {
            XLabel(canvas, area, label);
            return;
        }

        var band = area.Width / categories.Count;
        // Use the room each category has: wrap a long label onto a second line at a space, shorten only what still
        // does not fit, and thin labels out only when even short ones would collide.
        var maxChars = Math.Clamp((int)Math.Floor((band - 8) / CharWidth), 6, 24);
        var lines = categories.Select(c => Wrap(c, maxChars)).ToList();
        var widest = lines.Max(l => Math.Max(l.First.Length, l.Second?.Length ?? 0)) * CharWidth;
        var every = Math.Max(1, (int)Math.Ceiling((widest + 6) / band));
        var wrapped = false;
        for (var i = 0; i < lines.Count; i += every)
        {
            var x = area.Left + (band * (i + 0.5));
            canvas.Text(x, area.Bottom + 16, lines[i].First, "middle", ChartPalette.Muted);
            if (lines[i].Second is { } second)
            {
                canvas.Text(x, area.Bottom + 29, second, "middle", ChartPalette.Muted);
                wrapped = true;
            }
        }

        XLabel(canvas, area, label, wrapped ? 13 : 0);
    }

    private static (string First, string? Second) Wrap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return (text, null);
        var space = text.LastIndexOf(' ', Math.Min(maxChars, text.Length - 1));
        if (space <= 0)
            return (Shorten(text, maxChars), null);
        return (text[..space], Shorten(text[(space + 1)..], maxChars));
    }

    /// <summary>A legend row; each entry is a swatch (or a line for line series) and the series name.</summary>
    public static void Legend(SvgCanvas canvas, double x, double y, IReadOnlyList<LegendEntry> entries, string? hatchId = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(entries);
        // Long names are shortened so the row never runs off the chart; the full names stay in the data's tooltips.
        const double overhead = 21 + 16;
        var available = canvas.Width - x - 8;
        var maxChars = 40;
        while (maxChars > 6 && entries.Sum(e => overhead + (Shorten(e.Name, maxChars).Length * CharWidth)) > available)
        {
            maxChars--;
        }

        var cursor = x;
        foreach (var entry in entries)
        {
            if (entry.Line)
            {
                canvas.Line(cursor, y - 4, cursor + 16, y - 4, entry.Colour, 2.5, entry.Dashed ? "5 3" : null);
            }
            else
            {
                canvas.Rect(cursor, y - 10, 16, 11, entry.Colour, "stroke=\"" + ChartPalette.Axis + "\" stroke-width=\"0.5\"");
                if (entry.Hatched && hatchId is not null)
                    canvas.Rect(cursor, y - 10, 16, 11, "url(#" + hatchId + ")");
            }

            var name = Shorten(entry.Name, maxChars);
            canvas.Text(cursor + 21, y, name, fill: ChartPalette.Ink);
            cursor += overhead + (name.Length * CharWidth);
        }
    }

    /// <summary>Cuts text to <paramref name="max"/> characters with an ellipsis; the full text stays in tooltips.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");
    }

    private static void XLabel(SvgCanvas canvas, PlotArea area, string label, double shift = 0)
    {
        if (!string.IsNullOrEmpty(label))
            canvas.Text(area.Left + (area.Width / 2), area.Bottom + 34 + shift, label, "middle", ChartPalette.Muted);
    }
}
