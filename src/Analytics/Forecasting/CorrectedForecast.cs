namespace ChurnWatch.Analytics.Forecasting;

/// <summary>A forecast corrected by the errors of earlier months (see <see cref="PastErrorRange"/>).</summary>
/// <param name="Expected">The expected amount x the earlier months' actual / expected.</param>
/// <param name="P10">10th percentile: the wider of the earlier errors' and the simulated range.</param>
/// <param name="P50">Median: the simulated one, corrected.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Correction">Actual / expected over the earlier months (below 1: the raw forecast was too optimistic).</param>
/// <param name="Months">Earlier months the correction and range came from.</param>
public sealed record CorrectedForecast(decimal Expected, decimal P10, decimal P50, decimal P90, double Correction, int Months);
