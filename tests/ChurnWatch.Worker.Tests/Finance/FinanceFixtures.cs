using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Finance;

/// <summary>Small finance results to render, with a hostile segment name.</summary>
internal static class FinanceFixtures
{
    public const string Hostile = "<script>alert(1)</script>";
    public static readonly DateTime GeneratedAt = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    public static RenewalForecastResult Forecast()
    {
        var month = new DateOnly(2026, 11, 1);
        RenewalForecastMonth[] total =
        [
            new(month, 3, 30_000m, 27_000m, 3_000m, 24_000m, 30_000m) { P50RenewedArr = 27_500m, TrailingRateRenewedArr = 25_500m, TrailingRateBasis = TrailingRateBasis.Segment },
            new(month.AddMonths(1), 1, 12_000m, 6_000m, 6_000m, 0m, 12_000m) { P50RenewedArr = 12_000m, TrailingRateRenewedArr = 10_200m, TrailingRateBasis = TrailingRateBasis.Segment },
        ];
        RenewalForecastMonth[] segments = [.. total.Select(t => t with { Segment = Hostile })];
        // Three months ahead the trailing rate had settled renewals to go on (34,000); six months ahead none (everything renews).
        // One month per lead: too few settled before it, or before today, to choose the model or size a range, so the
        // forecast given is the trailing rate without one, in the backtest and in the months ahead.
        var backtest = RenewalForecastBacktest.Calibrate(
        [
            new(new DateOnly(2026, 6, 1), 3, new DateOnly(2026, 3, 2), 4, 40_000m, 36_000m, 30_000m, 40_000m, 3, 31_000m)
                { P50RenewedArr = 36_000m, TrailingRateRenewedArr = 34_000m, TrailingRateBasis = TrailingRateBasis.Company },
            new(new DateOnly(2026, 6, 1), 6, new DateOnly(2025, 12, 1), 4, 40_000m, 35_000m, 30_000m, 40_000m, 2, 20_000m)
                { P50RenewedArr = 35_000m, TrailingRateRenewedArr = 40_000m, TrailingRateBasis = TrailingRateBasis.EverythingRenews },
        ], graceDays: 30);
        var calibration = ForecastCalibration.ByLead(backtest.Select(r => r.Past(30)), [3, 6], DateOnly.FromDateTime(GeneratedAt));
        // The hostile segment has enough settled renewals for its own rate: 170,000 of 200,000 renewed (85%).
        var settled = new RenewalOutcomes(TrailingRenewalRate.MinimumSegmentRenewals, 200_000m, 170_000m);
        return new RenewalForecastResult(
            new DateOnly(2026, 11, 16), GeneratedAt, GeneratedAt, RenewalForecaster.Calibrate(total, calibration), segments, backtest, RenewalForecastBacktest.Summarise(backtest),
            new Dictionary<DateOnly, string> { [new DateOnly(2026, 3, 2)] = RenewalForecastResult.CurrentModelInSample },
            "EUR", 30, [new SourceAsOf(Hostile, GeneratedAt.AddHours(-2), GeneratedAt.AddHours(-1), TimeSpan.FromHours(36), false)])
        {
            RenewalCalibration = calibration,
            TrailingRate = new TrailingRenewalRate(new DateOnly(2026, 11, 16), settled, new Dictionary<string, RenewalOutcomes> { [Hostile] = settled }),
        };
    }

    public static SaasMetricsReport Metrics(MetricsOptions? options = null) => new(
        [
            new MrrMonth(new DateOnly(2026, 9, 1), 480m, 80m, 50m, 30m, 200m, 70m, 450m, 4, 1, 1, 1, 5, 1),
            new MrrMonth(new DateOnly(2026, 10, 1), 450m, 0m, 60m, 0m, 0m, 0m, 510m, 5, 0, 0, 0, 5, 0),
        ],
        [new CohortCell(new DateOnly(2026, 9, 1), 0, 2, 120m, 1, 80m), new CohortCell(new DateOnly(2026, 9, 1), 1, 2, 120m, 1, 90m)],
        options ?? new MetricsOptions(),
        GeneratedAt);
}
