namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>What a bar chart shows.</summary>
/// <param name="Title">Title, shown and announced to screen readers.</param>
/// <param name="Categories">The x axis categories.</param>
/// <param name="Series">One or more series with a value per category.</param>
/// <param name="Stacked">Stack the series (values must then be non-negative) rather than group them side by side.</param>
/// <param name="XLabel">What the categories are.</param>
/// <param name="YLabel">What the values measure.</param>
/// <param name="YFormat">How values print.</param>
/// <param name="Colours">One colour per series where the colours mean something (risk bands); the palette's series colours when null.</param>
internal sealed record BarChartData(
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    bool Stacked,
    string XLabel,
    string YLabel,
    ValueFormat YFormat = ValueFormat.Number,
    IReadOnlyList<string>? Colours = null)
{
    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public string Colour(int index) => Colours is { } colours && index < colours.Count ? colours[index] : ChartPalette.Series(index);
}
