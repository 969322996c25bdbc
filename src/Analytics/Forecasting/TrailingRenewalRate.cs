using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// The naive forecast the model must beat: renewed ARR / ARR due over the renewals settled in the 12 months before the
/// forecast date, per segment, applied to the ARR due. Only renewals whose outcome was known at the forecast date
/// (renewal date + grace period before it) count, so a backtest replays it as it could have been computed then.
/// </summary>
/// <param name="ForecastDate">The date the rate is as of.</param>
/// <param name="Company">The renewals settled in the window, all segments together.</param>
/// <param name="Segments">The same per segment.</param>
public sealed record TrailingRenewalRate(DateOnly ForecastDate, RenewalOutcomes Company, IReadOnlyDictionary<string, RenewalOutcomes> Segments)
{
    /// <summary>The window before the forecast date whose settled renewals give the rate.</summary>
    public const int WindowMonths = 12;

    /// <summary>
    /// Settled renewals a segment needs for its own rate; with fewer it gets the company's. At 20 renewals and a rate
    /// near 0.85 the standard error is about 8 points, the size of the gaps between segments: fewer, and a segment's
    /// rate is mostly chance (each contract moves it by 5 points or more).
    /// </summary>
    public const int MinimumSegmentRenewals = 20;

    /// <summary>The rate as of <paramref name="forecastDate"/> from the renewals of <see cref="SettledRenewal.All"/>.</summary>
    /// <remarks>
    /// Renewals settled before the date are the same in the full history as in the history known then: whether an
    /// account was a customer at an instant before the date, and what it paid, does not change later.
    /// </remarks>
    public static TrailingRenewalRate At(IEnumerable<SettledRenewal> renewals, DateOnly forecastDate)
    {
        ArgumentNullException.ThrowIfNull(renewals);
        var end = RenewalBook.Instant(forecastDate);
        var start = RenewalBook.Instant(forecastDate.AddMonths(-WindowMonths));
        var window = renewals.Where(r => r.SettledAt >= start && r.SettledAt < end).ToList();
        return new TrailingRenewalRate(
            forecastDate,
            RenewalOutcomes.Of(window),
            window.GroupBy(r => r.Segment ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, RenewalOutcomes.Of, StringComparer.Ordinal));
    }

    /// <summary>The rate as of <paramref name="forecastDate"/> from <paramref name="history"/>.</summary>
    public static TrailingRenewalRate At(CompanyHistory history, DateOnly forecastDate, int graceDays) =>
        At(SettledRenewal.All(history, graceDays), forecastDate);

    /// <summary>The rate applied to a contract of <paramref name="segment"/>, and which rate it is.</summary>
    public (decimal Rate, TrailingRateBasis Basis) For(string? segment)
    {
        if (Segments.TryGetValue(segment ?? string.Empty, out var own) && own.Renewals >= MinimumSegmentRenewals && own.Rate is { } rate)
            return (rate, TrailingRateBasis.Segment);
        return CompanyRate();
    }

    /// <summary>Sum over <paramref name="due"/> of ARR x the rate of its segment, to the cent.</summary>
    public decimal RenewedArr(IEnumerable<RenewalExposure> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return decimal.Round(due.Sum(e => e.Arr * For(e.Segment).Rate), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Which rate a row of <paramref name="due"/> got: one basis when all its contracts share it, segment and company
    /// when they are mixed; a row with nothing due gets the company's.
    /// </summary>
    public TrailingRateBasis BasisOf(IEnumerable<RenewalExposure> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var bases = due.Select(e => For(e.Segment).Basis).Distinct().ToList();
        return bases.Count switch
        {
            0 => CompanyRate().Basis,
            1 => bases[0],
            _ => TrailingRateBasis.SegmentAndCompany,
        };
    }

    private (decimal Rate, TrailingRateBasis Basis) CompanyRate() =>
        Company.Rate is { } company ? (company, TrailingRateBasis.Company) : (1m, TrailingRateBasis.EverythingRenews);
}
