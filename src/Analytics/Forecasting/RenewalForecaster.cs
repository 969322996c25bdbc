namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// Renewals due per month with the ARR at stake, the expected renewed ARR and a P10 to P90 range with its median. The range
/// treats each renewal as an independent coin with its own probability and is read off a seeded simulation, so
/// the same inputs always give the same range.
/// </summary>
public static class RenewalForecaster
{
    /// <summary>Draws per month for the range; 20,000 puts the percentiles within a fraction of a percent.</summary>
    public const int Simulations = 20_000;

    /// <summary>
    /// One row per calendar month from <paramref name="firstMonth"/>, <paramref name="months"/> rows, empty months included;
    /// with <paramref name="trailingRate"/>, each row also carries the trailing-rate baseline.
    /// </summary>
    public static IReadOnlyList<RenewalForecastMonth> Forecast(
        IEnumerable<RenewalExposure> renewals, DateOnly firstMonth, int months, int seed, TrailingRenewalRate? trailingRate = null)
    {
        ArgumentNullException.ThrowIfNull(renewals);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var start = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var byMonth = renewals
            .Where(r => r.RenewalDate >= start && r.RenewalDate < start.AddMonths(months))
            .ToLookup(r => new DateOnly(r.RenewalDate.Year, r.RenewalDate.Month, 1));

        var rows = new List<RenewalForecastMonth>(months);
        for (var i = 0; i < months; i++)
        {
            var month = start.AddMonths(i);
            // Order fixes the simulation's draws to the contracts, whatever order they arrived in.
            var due = byMonth[month].OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.RenewalDate).ToList();
            var arrDue = due.Sum(r => r.Arr);
            var expected = due.Sum(r => r.Arr * (decimal)r.RenewalProbability);
            var (p10, p50, p90) = Range(due, seed + i);
            // Churned is what is due less the rounded expectation, so the two always add up to the ARR due to the cent.
            rows.Add(new RenewalForecastMonth(month, due.Count, arrDue, Round(expected), arrDue - Round(expected), Round(p10), Round(p90))
            {
                P50RenewedArr = Round(p50),
                TrailingRateRenewedArr = trailingRate?.RenewedArr(due),
                TrailingRateBasis = trailingRate?.BasisOf(due),
            });
        }

        return rows;
    }

    /// <summary>
    /// The forecast of each segment (<see cref="RenewalExposure.Segment"/>), segments in ordinal order, each with
    /// <paramref name="months"/> rows; a segment with no renewals in the window still gets its rows of zeros (and,
    /// with <paramref name="trailingRate"/>, the basis of its rate).
    /// </summary>
    public static IReadOnlyList<RenewalForecastMonth> ForecastBySegment(
        IEnumerable<RenewalExposure> renewals, DateOnly firstMonth, int months, int seed, TrailingRenewalRate? trailingRate = null)
    {
        ArgumentNullException.ThrowIfNull(renewals);
        return [.. renewals
            .GroupBy(r => r.Segment ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => Forecast(g, firstMonth, months, seed, trailingRate)
                .Select(m => m with { Segment = g.Key, TrailingRateBasis = trailingRate?.For(g.Key).Basis }))];
    }

    /// <summary>
    /// The rows of <see cref="Forecast"/> (or of <see cref="ForecastBySegment"/>) with the forecast handed to finance:
    /// each month the calibration of the lead nearest its distance from the first month (<see cref="ForecastCalibration.For"/>).
    /// The calibration is the company's: a segment's rows take its method, so they add up to the total, and its relative
    /// spread, which the backtest does not check for a segment (fewer accounts vary more).
    /// </summary>
    public static IReadOnlyList<RenewalForecastMonth> Calibrate(IReadOnlyList<RenewalForecastMonth> rows, IReadOnlyDictionary<int, ForecastCalibration?> byLead)
    {
        ArgumentNullException.ThrowIfNull(byLead);
        return ForecastCalibration.ByMonthsAhead(rows, m => m.Month, (m, ahead) => m with
        {
            Calibrated = ForecastCalibration.For(byLead, ahead, m.ExpectedRenewedArr, m.TrailingRateRenewedArr ?? m.ArrDue, m.ArrDue),
        });
    }

    private static (decimal P10, decimal P50, decimal P90) Range(List<RenewalExposure> due, int seed)
    {
        if (due.Count == 0)
        {
            return (0m, 0m, 0m);
        }

        var random = new Random(seed);
        var outcomes = new double[Simulations];
        for (var s = 0; s < Simulations; s++)
        {
            var renewed = 0.0;
            foreach (var r in due)
            {
                if (random.NextDouble() < r.RenewalProbability)
                {
                    renewed += (double)r.Arr;
                }
            }

            outcomes[s] = renewed;
        }

        Array.Sort(outcomes);
        return (Percentile(outcomes, 0.10), Percentile(outcomes, 0.50), Percentile(outcomes, 0.90));
    }

    private static decimal Percentile(double[] sorted, double share) => (decimal)sorted[(int)(share * (sorted.Length - 1))];

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
