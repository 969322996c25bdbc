namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// What the settled months of the backtest say about a forecast made on a date, at one lead time: how the model and the
/// trailing rate did there, and how wide the P10-P90 range of the forecast handed to finance must be to hold.
/// </summary>
/// <remarks>
/// <para>
/// The forecast handed over is the mean of the model and the trailing rate (<see cref="ForecastMethod.Combined"/>).
/// Choosing one of them by its error over the settled months, as ChurnWatch did before, chose on a dozen noisy months
/// and often chose the worse: over the backtests of seven sample companies (3 and 6 months ahead, renewals and
/// month-to-month revenue) the chosen one erred less than the trailing rate in 10 of 28 figures, the mean in 18
/// (<c>python3 bench/forecast_ranges.py</c>, docs/forecast-and-metrics.md). The two err in different ways (the model
/// reads each account, the trailing rate the company's recent year), so their mean errs less than either most months.
/// Early in a company's history (the first renewals settle a year in) there are too few settled months to show the
/// model adds anything or to size a range: the trailing rate is given alone, and said to be.
/// </para>
/// <para>
/// The range is where the actuals fell around the forecast in the n settled months: m and s, the mean and the standard
/// deviation of the log ratios actual / forecast there, make a prediction interval for the next month's ratio,
/// exp(m ± t s √(1 + 1/n)), t the 90th percentile of Student's t with n - 1 degrees of freedom (the textbook interval
/// for one more draw from a normal whose mean and spread are both estimated: it holds 80% whatever n). It is stretched
/// to include the forecast itself. It is not centred on the forecast where the forecast has been off one way: the
/// range ChurnWatch gave before (centred, from the root mean square of the ratios, bias and all) was as wide above the
/// forecast as below, its top cut at the ARR due, and over the seven sample companies' backtests missed renewals
/// almost only below (27 of 259 months below, 1 above); this one misses evenly (20 below, 18 above) and holds 85%.
/// On month-to-month revenue it holds 74% (the centred one 87%): errors there come in streaks, which a mean of the
/// past year lags (<c>python3 bench/forecast_ranges.py</c>, docs/forecast-and-metrics.md). The forecast given is not
/// moved by m: a shift by past errors chases streaks that end, and on the same backtests its error was below the
/// trailing rate's in 7 of 28 figures instead of 18. A range from independent coin flips is too narrow here: renewals
/// and churns move together (a month's large accounts, a shared shock), so the spread of independent outcomes held the
/// actual in 25-57% of months where 80% was meant.
/// </para>
/// </remarks>
/// <param name="LeadMonths">The lead time it was measured at.</param>
/// <param name="MeanLogRatio">Mean of the log ratios actual / combined forecast: where the actuals fell around it.</param>
/// <param name="Spread">Standard deviation of those log ratios.</param>
/// <param name="PastMonths">Settled months it was measured over.</param>
/// <param name="ModelError">The model's mean absolute error over them.</param>
/// <param name="TrailingRateError">The trailing rate's mean absolute error over them.</param>
/// <param name="CombinedError">The combined forecast's mean absolute error over them.</param>
public sealed record ForecastCalibration(int LeadMonths, double MeanLogRatio, double Spread, int PastMonths, double ModelError, double TrailingRateError, double CombinedError)
{
    /// <summary>Settled months needed before the model is combined in and a range sized; fewer and the trailing rate is used alone, without a range.</summary>
    public const int MinimumMonths = 4;

    /// <summary>
    /// Only months settled in the year before the forecast date count: errors come in streaks, and an old error says
    /// little about today's. With the centred range shipped before, two years held the actual too often where errors had
    /// shrunk and too seldom where they had grown (7 of 28 backtest figures within 70-90% against 11, the runs at
    /// 04f44b4); with this one the two meet as many (13 of 28), and one year follows a change in the errors sooner
    /// (<c>python3 bench/forecast_ranges.py</c>).
    /// </summary>
    public const int WindowMonths = 12;

    /// <summary>The standard normal's 90th percentile.</summary>
    private const double Z90 = 1.2815515655446004;

    /// <summary>P10 as a multiple of the amount: exp(m - t s √(1 + 1/n)), stretched to include the amount (at most 1).</summary>
    public double LowFactor => Math.Min(1, Math.Exp(MeanLogRatio - HalfWidth));

    /// <summary>P90 as a multiple of the amount, before the ceiling: exp(m + t s √(1 + 1/n)), stretched to include the amount (at least 1).</summary>
    public double HighFactor => Math.Max(1, Math.Exp(MeanLogRatio + HalfWidth));

    // t s √(1 + 1/n): the half width of the prediction interval of the next log ratio.
    private double HalfWidth => StudentT90(PastMonths - 1) * Spread * Math.Sqrt(1 + (1.0 / PastMonths));

    /// <summary>
    /// The lead whose calibration a month <paramref name="monthsAhead"/> months after the forecast's first takes: the
    /// nearest (a tie goes to the longer lead, the wider range). Months further ahead than the longest lead take its
    /// spread: the backtest cannot check them.
    /// </summary>
    public static int NearestLead(IEnumerable<int> leads, int monthsAhead) =>
        leads.OrderBy(l => Math.Abs(l - monthsAhead)).ThenByDescending(l => l).First();

    /// <summary>
    /// The calibration at <paramref name="date"/> for <paramref name="leadMonths"/> months ahead, from the past forecasts
    /// at that lead settled on or before the date; null with fewer than <see cref="MinimumMonths"/> of them.
    /// </summary>
    public static ForecastCalibration? At(IEnumerable<PastForecast> past, int leadMonths, DateOnly date) =>
        FromKnown(Known(past, leadMonths, date), leadMonths);

    private static ForecastCalibration? FromKnown(List<PastForecast> known, int leadMonths)
    {
        if (known.Count < MinimumMonths)
        {
            return null;
        }

        var ratios = known.Select(p => Math.Log((double)(p.Actual / Combine(p.Model, p.TrailingRate)))).ToList();
        var mean = ratios.Average();
        var spread = Math.Sqrt(ratios.Sum(r => Square(r - mean)) / (ratios.Count - 1));
        return new ForecastCalibration(
            leadMonths,
            mean,
            spread,
            known.Count,
            known.Average(p => Error(p.Model, p.Actual)),
            known.Average(p => Error(p.TrailingRate, p.Actual)),
            known.Average(p => Error(Combine(p.Model, p.TrailingRate), p.Actual)));
    }

    /// <summary>The calibration of each lead at <paramref name="date"/> (see <see cref="At"/>).</summary>
    public static IReadOnlyDictionary<int, ForecastCalibration?> ByLead(IEnumerable<PastForecast> past, IEnumerable<int> leads, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var known = past?.ToList() ?? throw new ArgumentNullException(nameof(past));
        return leads.Distinct().ToDictionary(l => l, l => At(known, l, date));
    }

    /// <summary>
    /// The forecast handed to finance for a month <paramref name="monthsAhead"/> months after the forecast's first:
    /// the calibration of the nearest lead applied, or the trailing rate without a range where that lead has none.
    /// </summary>
    public static CalibratedForecast For(
        IReadOnlyDictionary<int, ForecastCalibration?> byLead, int monthsAhead, decimal model, decimal trailingRate, decimal ceiling) =>
        Nearest(byLead, monthsAhead) is { } calibration
            ? calibration.Apply(model, trailingRate, ceiling)
            : TooLittleHistory(trailingRate, 0);

    /// <summary>
    /// Each of <paramref name="rows"/> (months ahead of a forecast, all segments or each) given its forecast by
    /// <paramref name="calibrate"/>, told how many months after the earliest row's month the row's month is.
    /// </summary>
    public static IReadOnlyList<T> ByMonthsAhead<T>(IReadOnlyList<T> rows, Func<T, DateOnly> month, Func<T, int, T> calibrate)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(calibrate);
        if (rows.Count == 0)
        {
            return rows;
        }

        var first = rows.Min(month);
        return [.. rows.Select(r => calibrate(r, ((month(r).Year - first.Year) * 12) + month(r).Month - first.Month))];
    }

    /// <summary>The calibration of the <see cref="NearestLead"/>; null when that lead has none, or there is no lead.</summary>
    public static ForecastCalibration? Nearest(IReadOnlyDictionary<int, ForecastCalibration?> byLead, int monthsAhead)
    {
        ArgumentNullException.ThrowIfNull(byLead);
        return byLead.Count == 0 ? null : byLead[NearestLead(byLead.Keys, monthsAhead)];
    }

    /// <summary>
    /// The forecast handed to finance for one month: the model and the trailing rate combined, and its range, P90 no
    /// higher than <paramref name="ceiling"/> (no more can renew than is due, no more be kept than is paid today).
    /// </summary>
    public CalibratedForecast Apply(decimal model, decimal trailingRate, decimal ceiling)
    {
        var amount = Combine(model, trailingRate);
        // Rounding to cents must not put the amount outside its own range, nor the ceiling push P90 below it.
        var low = Math.Min(amount, Round(amount * (decimal)LowFactor));
        var high = Math.Max(amount, Math.Min(ceiling, Round(amount * (decimal)HighFactor)));
        return new CalibratedForecast(ForecastMethod.Combined, amount, low, amount, high, RangeBasis.PastErrors, PastMonths);
    }

    /// <summary>
    /// The forecast given at <paramref name="date"/> for <paramref name="leadMonths"/> months ahead: the calibration of
    /// the past forecasts settled by then applied, or the trailing rate without a range where too few had settled.
    /// </summary>
    public static CalibratedForecast Given(
        IEnumerable<PastForecast> past, int leadMonths, DateOnly date, decimal model, decimal trailingRate, decimal ceiling)
    {
        var known = Known(past, leadMonths, date);
        return FromKnown(known, leadMonths) is { } calibration
            ? calibration.Apply(model, trailingRate, ceiling)
            : TooLittleHistory(trailingRate, known.Count);
    }

    /// <summary>
    /// The forecast where the backtest ran but too few months had settled to size a range: the trailing rate alone, no range.
    /// </summary>
    public static CalibratedForecast TooLittleHistory(decimal trailingRate, int pastMonths) =>
        new(ForecastMethod.TrailingRate, trailingRate, null, null, null, RangeBasis.None, pastMonths);

    /// <summary>
    /// The 90th percentile of Student's t with <paramref name="degreesOfFreedom"/> degrees of freedom, by the
    /// Cornish-Fisher expansion around the normal's (within 0.0015 of the tables from 3 degrees of freedom up, the fewest
    /// <see cref="At"/> uses: <see cref="MinimumMonths"/> - 1).
    /// </summary>
    internal static double StudentT90(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        double z = Z90, n = degreesOfFreedom;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        var z7 = z5 * z * z;
        return z
            + ((z3 + z) / (4 * n))
            + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n));
    }

    // The past forecasts a calibration at the date learns from: at the lead, settled by the date within the window,
    // with amounts whose log ratio exists.
    private static List<PastForecast> Known(IEnumerable<PastForecast> past, int leadMonths, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(past);
        return past
            .Where(p => p.LeadMonths == leadMonths && p.SettledOn <= date && p.SettledOn > date.AddMonths(-WindowMonths))
            .Where(p => p.Actual > 0 && p.Model > 0 && p.TrailingRate > 0)
            .ToList();
    }

    /// <summary>
    /// The combined forecast: the plain mean of the two, not weighted by their past errors (weights fitted on a dozen
    /// months chase noise, as choosing one did). A mean of sums is the sum of the means, so segments add up to the total.
    /// </summary>
    internal static decimal Combine(decimal model, decimal trailingRate) => (model + trailingRate) / 2;

    private static double Error(decimal forecast, decimal actual) => (double)(Math.Abs(forecast - actual) / actual);

    private static double Square(double value) => value * value;

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
