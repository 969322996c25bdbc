namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>One x position of an uncertainty band.</summary>
internal readonly record struct BandPoint(double X, double Lower, double Upper);
