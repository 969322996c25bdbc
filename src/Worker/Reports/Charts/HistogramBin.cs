namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>One bar of a histogram: values in [Lower, Upper), the last bin also holding its upper edge.</summary>
internal sealed record HistogramBin(double Lower, double Upper, int Count);
