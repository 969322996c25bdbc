namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>A named series of values, one per category, for bar charts.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per category, in category order.</param>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
