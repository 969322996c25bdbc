namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The month-to-month revenue kept at the end of each month ahead, from each account's churn probability: the model's
/// probability of churning within its horizon, spread evenly over time (a constant hazard, so a 90-day probability
/// of 12% is about 4.2% a month). The accounts churn independently, so the MRR kept is a sum of many weighted coins:
/// its range is the normal approximation of that sum (exact enough from a few dozen accounts up, and it needs no
/// simulation at 50,000 accounts).
/// </summary>
public static class MonthToMonthForecaster
{
    /// <summary>The standard normal's 90th percentile: P10 and P90 are the mean -/+ this many standard deviations.</summary>
    internal const double Z90 = 1.2815515655446004;

    /// <summary>Average days in a month, to turn the trailing monthly rate into the days from the forecast date.</summary>
    internal const double DaysPerMonth = 365.25 / 12;

    /// <summary>
    /// One row per calendar month from <paramref name="asOf"/>'s month, <paramref name="months"/> rows: the MRR of the
    /// accounts month-to-month at <paramref name="asOf"/> still recurring at each month's end.
    /// </summary>
    /// <param name="exposures">The month-to-month accounts at the date.</param>
    /// <param name="asOf">The forecast date.</param>
    /// <param name="months">Months forecast.</param>
    /// <param name="horizonDays">The churn probability's horizon (Modeling:HorizonDays).</param>
    /// <param name="trailingMonthlyChurnRate">The baseline's rate (<see cref="MonthToMonthChurnRate.Trailing"/>); null: nothing churns in the baseline.</param>
    public static IReadOnlyList<MonthToMonthForecastMonth> Forecast(
        IEnumerable<MonthToMonthExposure> exposures, DateOnly asOf, int months, int horizonDays, double? trailingMonthlyChurnRate)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        var accounts = exposures.ToList();
        var mrr = accounts.Sum(a => a.Mrr);
        var first = new DateOnly(asOf.Year, asOf.Month, 1);
        var rows = new List<MonthToMonthForecastMonth>(months);
        for (var i = 0; i < months; i++)
        {
            var month = first.AddMonths(i);
            var days = month.AddMonths(1).DayNumber - asOf.DayNumber;
            double mean = 0, variance = 0;
            foreach (var a in accounts)
            {
                var kept = Survival(a.ChurnProbability, days, horizonDays);
                mean += (double)a.Mrr * kept;
                variance += (double)a.Mrr * (double)a.Mrr * kept * (1 - kept);
            }

            var spread = Z90 * Math.Sqrt(variance);
            var baseline = trailingMonthlyChurnRate is { } rate ? (double)mrr * Math.Pow(1 - rate, days / DaysPerMonth) : (double)mrr;
            rows.Add(new MonthToMonthForecastMonth(month, accounts.Count, mrr, Round(mean), Round(Math.Max(0, mean - spread)), Round(mean),
                Round(Math.Min((double)mrr, mean + spread)), Round(baseline)));
        }

        return rows;
    }

    /// <summary>The forecast of each segment, segments in ordinal order, each with <paramref name="months"/> rows.</summary>
    public static IReadOnlyList<MonthToMonthForecastMonth> ForecastBySegment(
        IEnumerable<MonthToMonthExposure> exposures, DateOnly asOf, int months, int horizonDays, double? trailingMonthlyChurnRate)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        return [.. exposures
            .GroupBy(e => e.Segment ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => Forecast(g, asOf, months, horizonDays, trailingMonthlyChurnRate).Select(m => m with { Segment = g.Key }))];
    }

    /// <summary>
    /// The rows of <see cref="Forecast"/> (or of <see cref="ForecastBySegment"/>) with the forecast handed to finance:
    /// each month the calibration of the lead nearest its distance from the first month (<see cref="ForecastCalibration.For"/>).
    /// The calibration is the company's: a segment's rows take its method, so they add up to the total, and its relative
    /// spread, which the backtest does not check for a segment (fewer accounts vary more).
    /// </summary>
    public static IReadOnlyList<MonthToMonthForecastMonth> Calibrate(IReadOnlyList<MonthToMonthForecastMonth> rows, IReadOnlyDictionary<int, ForecastCalibration?> byLead)
    {
        ArgumentNullException.ThrowIfNull(byLead);
        return ForecastCalibration.ByMonthsAhead(rows, m => m.Month, (m, ahead) => m with
        {
            Calibrated = ForecastCalibration.For(byLead, ahead, m.ExpectedMrrKept, m.TrailingRateMrrKept, m.MrrAtForecast),
        });
    }

    /// <summary>Probability of still being a customer <paramref name="days"/> after the date, at a constant hazard.</summary>
    internal static double Survival(double churnProbability, int days, int horizonDays) =>
        Math.Pow(1 - Math.Clamp(churnProbability, 0, 1), (double)Math.Max(0, days) / horizonDays);

    private static decimal Round(double value) => decimal.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
