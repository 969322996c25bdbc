using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>A histogram: how many values fall in each range, for example accounts per 10% of churn probability.</summary>
internal static class HistogramChart
{
    /// <summary>
    /// Counts <paramref name="values"/> in <paramref name="binCount"/> equal bins from <paramref name="lower"/> to
    /// <paramref name="upper"/>. Values outside the range go to the first or last bin, so no account disappears
    /// from the chart; NaN values are skipped.
    /// </summary>
    public static IReadOnlyList<HistogramBin> Bin(IEnumerable<double> values, double lower, double upper, int binCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (!(upper > lower))
            throw new ArgumentException("The upper edge must be above the lower edge.", nameof(upper));

        var counts = new int[binCount];
        var width = (upper - lower) / binCount;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
                continue;
            var index = (int)Math.Floor((value - lower) / width);
            counts[Math.Clamp(index, 0, binCount - 1)]++;
        }

        return counts.Select((count, i) => new HistogramBin(lower + (i * width), lower + ((i + 1) * width), count)).ToList();
    }

    /// <summary>Draws the bins as touching bars with counts above them.</summary>
    /// <param name="title">Title, shown and announced to screen readers.</param>
    /// <param name="bins">Contiguous bins in order.</param>
    /// <param name="xLabel">What the ranges measure.</param>
    /// <param name="yLabel">What is counted.</param>
    /// <param name="xFormat">How the range edges print.</param>
    /// <param name="size">Size; <see cref="ChartSize.Default"/> when null.</param>
    /// <param name="barColour">Bar colour; the first series colour when null.</param>
    /// <param name="binColour">Colours each bar by its range (for example by risk band), overriding <paramref name="barColour"/>.</param>
    /// <param name="legend">Legend entries explaining <paramref name="binColour"/>; none when null.</param>
    public static string Render(
        string title,
        IReadOnlyList<HistogramBin> bins,
        string xLabel,
        string yLabel,
        ValueFormat xFormat = ValueFormat.Number,
        ChartSize? size = null,
        string? barColour = null,
        Func<HistogramBin, string>? binColour = null,
        IReadOnlyList<LegendEntry>? legend = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bins);
        var (width, height) = size ?? ChartSize.Default;
        var total = bins.Sum(b => b.Count);
        var canvas = new SvgCanvas(width, height, title, string.Create(CultureInfo.InvariantCulture, $"Histogram of {total} values in {bins.Count} bins."));
        ChartAxes.Title(canvas, title);
        var top = ChartAxes.TitleBand + (legend is { Count: > 0 } ? ChartAxes.LegendBand : 0) + 6;
        var area = new PlotArea(56, top, width - 56 - 28, height - top - 44);
        if (legend is { Count: > 0 })
            ChartAxes.Legend(canvas, area.Left, ChartAxes.TitleBand + 10, legend);

        if (bins.Count == 0)
        {
            canvas.Text(area.Left + (area.Width / 2), area.Top + (area.Height / 2), "No data", "middle", ChartPalette.Muted);
            return canvas.Complete();
        }

        var x = NiceScale.Create(bins[0].Lower, bins[^1].Upper);
        // Headroom above the tallest bar keeps its count label inside the plot.
        var tallest = bins.Max(b => b.Count);
        var y = NiceScale.Create(0, Math.Max(1, tallest + Math.Max(1, tallest * 0.05)), 5, integerStep: true);
        ChartAxes.Y(canvas, area, y, ValueFormat.Number, yLabel);

        foreach (var bin in bins)
        {
            var colour = binColour?.Invoke(bin) ?? barColour ?? ChartPalette.Series(0);
            var left = area.X(x, bin.Lower);
            var right = area.X(x, bin.Upper);
            var barTop = area.Y(y, bin.Count);
            var range = AxisLabels.Tick(bin.Lower, x, xFormat) + "\u2013" + AxisLabels.Tick(bin.Upper, x, xFormat);
            canvas.OpenGroup();
            canvas.Tooltip(string.Create(CultureInfo.InvariantCulture, $"{range}: {bin.Count}"));
            // One pixel of white between bars keeps them distinct in grey-scale without implying a gap in the data.
            canvas.Rect(left + 0.5, barTop, right - left - 1, area.Bottom - barTop, colour, ChartPalette.OutlineFor(colour));
            if (bin.Count > 0)
                canvas.Text((left + right) / 2, barTop - 4, bin.Count.ToString(CultureInfo.InvariantCulture), "middle", ChartPalette.Ink, 10);
            canvas.CloseGroup();
        }

        ChartAxes.XNumeric(canvas, area, x, xFormat, xLabel);
        return canvas.Complete();
    }
}
