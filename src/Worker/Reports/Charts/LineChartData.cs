namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>What a line chart shows.</summary>
/// <param name="Title">Title, shown and announced to screen readers.</param>
/// <param name="Series">The lines.</param>
/// <param name="XLabel">What the x axis measures.</param>
/// <param name="YLabel">What the y axis measures.</param>
/// <param name="Band">An optional shaded range drawn behind the lines.</param>
/// <param name="XFormat">How x ticks print, unless <paramref name="XTickLabel"/> is set.</param>
/// <param name="YFormat">How y ticks print.</param>
/// <param name="XDomain">A fixed x range (such as 0 to 1 for probabilities); the data range when null.</param>
/// <param name="YDomain">A fixed y range; the data range (with zero) when null.</param>
/// <param name="XTickLabel">Prints an x tick, for axes of months or weeks stored as numbers.</param>
internal sealed record LineChartData(
    string Title,
    IReadOnlyList<LineSeries> Series,
    string XLabel,
    string YLabel,
    ChartBand? Band = null,
    ValueFormat XFormat = ValueFormat.Number,
    ValueFormat YFormat = ValueFormat.Number,
    (double Min, double Max)? XDomain = null,
    (double Min, double Max)? YDomain = null,
    Func<double, string>? XTickLabel = null);
