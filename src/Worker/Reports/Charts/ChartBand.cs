namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>A shaded range behind the lines, such as the P10 to P90 range of a forecast.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">Points in x order.</param>
internal sealed record ChartBand(string Name, IReadOnlyList<BandPoint> Points);
