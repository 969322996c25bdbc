using System.Globalization;
using ScottPlot;

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
    public static Chart Draw(
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
        var chartSize = size ?? ChartSize.Default;
        var total = bins.Sum(b => b.Count);
        var plot = ChartStyle.NewPlot(title, xLabel, yLabel);
        if (bins.Count == 0)
            return ChartStyle.NoData(plot, chartSize, title);

        var x = NiceScale.Create(bins[0].Lower, bins[^1].Upper);
        // Headroom above the tallest bar keeps its count label inside the plot.
        var tallest = bins.Max(b => b.Count);
        var y = NiceScale.Create(0, Math.Max(1, tallest + Math.Max(1, tallest * 0.05)), 5, integerStep: true);
        ChartStyle.Ticks(plot.Axes.Left, y, ValueFormat.Number);
        ChartStyle.Ticks(plot.Axes.Bottom, x, xFormat);

        var bars = bins.Select(bin =>
        {
            var colour = binColour?.Invoke(bin) ?? barColour ?? ChartPalette.Series(0);
            return new Bar
            {
                Position = (bin.Lower + bin.Upper) / 2,
                Value = bin.Count,
                // A sliver of white between bars keeps them distinct in grey-scale without implying a gap in the data.
                Size = (bin.Upper - bin.Lower) * 0.98,
                FillColor = ChartStyle.Colour(colour),
                LineWidth = ChartPalette.NeedsOutline(colour) ? 0.75f : 0,
                LineColor = ChartStyle.Colour(ChartPalette.Axis),
                Label = bin.Count > 0 ? bin.Count.ToString(CultureInfo.InvariantCulture) : string.Empty,
            };
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 10;
        barPlot.ValueLabelStyle.ForeColor = ChartStyle.Colour(ChartPalette.Ink);
        if (legend is { Count: > 0 })
        {
            foreach (var entry in legend)
            {
                plot.Legend.ManualItems.Add(ChartStyle.LegendItem(entry));
            }

            ChartStyle.LegendOnTop(plot);
        }

        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        var ranges = bins.Select(b => AxisLabels.Tick(b.Lower, x, xFormat) + "\u2013" + AxisLabels.Tick(b.Upper, x, xFormat) + ": " + b.Count.ToString(CultureInfo.InvariantCulture));
        return new Chart(plot, chartSize, title, string.Create(CultureInfo.InvariantCulture, $"Histogram of {total} values in {bins.Count} bins of {xLabel}. ") + string.Join("; ", ranges) + ".");
    }
}
