namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>A point of a line chart.</summary>
internal readonly record struct ChartPoint(double X, double Y);
