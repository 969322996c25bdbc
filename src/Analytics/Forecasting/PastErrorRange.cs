namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// Widens a forecast's range, and corrects its bias, by how wrong the same forecast was in earlier months. A range
/// simulated from independent renewals is the spread of chance alone and too narrow when renewals move together (a bad
/// quarter takes several accounts at once), and probabilities learned from a young history lean one way: the errors of
/// forecasts whose months had settled before the forecast date measure both. With n earlier errors, the k-th smallest
/// and largest ratio of actual to expected cover a new month with probability (n + 1 - 2k) / (n + 1) when months are
/// alike (the split-conformal argument), so k is the largest that keeps that at 80% or more; with fewer than 9 months
/// that is the smallest and largest ratio seen, which cover less than 80% and are widened no further. The range given
/// is the wider of this and the simulated one.
/// </summary>
public static class PastErrorRange
{
    /// <summary>Earlier months needed before their errors are used: fewer say too little about the next one.</summary>
    public const int MinimumMonths = 4;

    /// <summary>The coverage the range aims at: P10 to P90.</summary>
    public const double Coverage = 0.8;

    /// <summary>
    /// The forecast corrected by the earlier months' errors: expected x (their actual / their expected, summed), and a
    /// range from the spread of their ratios around it, at least as wide as the simulated one (both scaled by the same
    /// correction). Null with fewer than <see cref="MinimumMonths"/> earlier months (or none with anything expected).
    /// </summary>
    /// <param name="expected">The model's expected amount.</param>
    /// <param name="simulatedP10">The simulated 10th percentile.</param>
    /// <param name="simulatedP50">The simulated median.</param>
    /// <param name="simulatedP90">The simulated 90th percentile.</param>
    /// <param name="earlier">Expected and actual amounts of the same forecast (same lead) for months settled before the forecast date.</param>
    /// <param name="cap">The most the amount can be (the ARR due, the MRR at the date): no range goes above it.</param>
    public static CorrectedForecast? Correct(decimal expected, decimal simulatedP10, decimal simulatedP50, decimal simulatedP90,
        IReadOnlyList<(decimal Expected, decimal Actual)> earlier, decimal cap)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var months = earlier.Where(e => e.Expected > 0).ToList();
        if (months.Count < MinimumMonths)
        {
            return null;
        }

        var bias = months.Sum(e => e.Actual) / months.Sum(e => e.Expected);
        var ratios = months.Select(e => e.Actual / e.Expected / bias).Order().ToList();
        var k = OrderStatistic(ratios.Count);
        var corrected = expected * bias;
        var p10 = Math.Min(corrected * ratios[k - 1], simulatedP10 * bias);
        var p90 = Math.Max(corrected * ratios[^k], simulatedP90 * bias);
        return new CorrectedForecast(
            Round(Math.Min(cap, corrected)),
            Round(Math.Max(0, Math.Min(cap, p10))),
            Round(Math.Min(cap, simulatedP50 * bias)),
            Round(Math.Max(0, Math.Min(cap, p90))),
            (double)bias,
            months.Count);
    }

    /// <summary>
    /// The k (1-based) of the k-th smallest and largest of <paramref name="n"/> ratios: the largest k with
    /// (n + 1 - 2k) / (n + 1) at least <see cref="Coverage"/>, and 1 when even the extremes cover less.
    /// </summary>
    public static int OrderStatistic(int n)
    {
        // The epsilon keeps (20 x 0.2) / 2 = 1.9999... from flooring to 1.
        var k = (int)Math.Floor(((n + 1) * (1 - Coverage) / 2) + 1e-9);
        return Math.Max(1, k);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
