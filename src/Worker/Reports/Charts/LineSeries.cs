namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>A line of a line chart.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">Points in x order.</param>
/// <param name="Dashed">Dashed lines mark references (such as perfect calibration) rather than data.</param>
/// <param name="Markers">Dots on the points, for sparse data where the line alone hides how few points there are.</param>
internal sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed = false, bool Markers = false);
