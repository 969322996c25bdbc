namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Series names for a legend in one row: long names are shortened (with an ellipsis) until the row fits the chart,
/// because ScottPlot would otherwise wrap the legend onto more rows and squeeze the plot. The full names stay in the
/// chart's text alternative.
/// </summary>
internal static class LegendNames
{
    // The swatch, the gap after it and the space before the next entry, in pixels.
    private const double EntryOverhead = 48;

    /// <summary>The names, shortened as little as needed to fit <paramref name="chartWidth"/>.</summary>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string> names, double chartWidth)
    {
        ArgumentNullException.ThrowIfNull(names);
        var clean = names.Select(ChartText.Clean).ToList();
        var available = chartWidth - 40;
        var maxChars = clean.Count == 0 ? 0 : clean.Max(n => n.Length);
        while (maxChars > 6 && clean.Sum(n => EntryOverhead + (Math.Min(n.Length, maxChars) * CategoryLabels.CharWidth)) > available)
        {
            maxChars--;
        }

        return clean.Select(n => CategoryLabels.Shorten(n, Math.Max(maxChars, 6))).ToList();
    }
}
