using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class RenewalForecasterTests
{
    private static readonly DateOnly March = new(2026, 3, 1);

    [Fact]
    public void Forecast_SumsArrAndProbabilityPerMonth()
    {
        RenewalExposure[] renewals =
        [
            new("A", new DateOnly(2026, 3, 10), 12_000m, 0.9),
            new("B", new DateOnly(2026, 3, 31), 6_000m, 0.5),
            new("C", new DateOnly(2026, 5, 1), 24_000m, 0.25),
            new("D", new DateOnly(2026, 2, 28), 99_000m, 0.1), // before the window
        ];

        var rows = RenewalForecaster.Forecast(renewals, March, 3, seed: 7);

        Assert.Equal([March, March.AddMonths(1), March.AddMonths(2)], rows.Select(r => r.Month));
        Assert.Equal(2, rows[0].RenewalsDue);
        Assert.Equal(18_000m, rows[0].ArrDue);
        Assert.Equal(12_000m * 0.9m + 6_000m * 0.5m, rows[0].ExpectedRenewedArr);
        Assert.Equal(rows[0].ArrDue - rows[0].ExpectedRenewedArr, rows[0].ExpectedChurnedArr);
        Assert.Equal(0, rows[1].RenewalsDue);
        Assert.Equal(0m, rows[1].P50RenewedArr);
        Assert.Equal(0m, rows[1].P90RenewedArr);
        Assert.Equal(6_000m, rows[2].ExpectedRenewedArr);
    }

    [Fact]
    public void Forecast_RangeBracketsTheExpectation_AndIsReproducible()
    {
        var renewals = Enumerable.Range(0, 40)
            .Select(i => new RenewalExposure($"A{i}", new DateOnly(2026, 3, 1 + i % 28), 1_000m + 100m * i, 0.5 + i % 5 * 0.1))
            .ToList();

        var first = RenewalForecaster.Forecast(renewals, March, 1, seed: 3)[0];
        var again = RenewalForecaster.Forecast(Enumerable.Reverse(renewals), March, 1, seed: 3)[0];

        Assert.Equal(first, again);
        Assert.True(first.P10RenewedArr < first.ExpectedRenewedArr && first.ExpectedRenewedArr < first.P90RenewedArr);
        Assert.True(first.P10RenewedArr < first.P50RenewedArr && first.P50RenewedArr < first.P90RenewedArr);
        Assert.True(first.P90RenewedArr <= first.ArrDue);
    }

    [Fact]
    public void Forecast_OneContract_P50IsTheMedianOfTheSameDraws()
    {
        // Renewing with 0.7, the contract is lost in about 30% of the draws: the 10th percentile is 0, the median and
        // the 90th percentile its ARR.
        var row = RenewalForecaster.Forecast([new RenewalExposure("A", March, 8_000m, 0.7)], March, 1, seed: 5)[0];

        Assert.Equal((0m, 8_000m, 8_000m), (row.P10RenewedArr, row.P50RenewedArr, row.P90RenewedArr));
    }

    [Fact]
    public void Forecast_TrailingRate_BaselinesBesideTheModelPerMonthAndSegment()
    {
        // SMB has enough settled renewals for its own rate, Enterprise does not and gets the company's.
        var smb = new RenewalOutcomes(TrailingRenewalRate.MinimumSegmentRenewals, 60_000m, 45_000m);
        var enterprise = new RenewalOutcomes(5, 40_000m, 35_000m);
        var company = new RenewalOutcomes(smb.Renewals + enterprise.Renewals, 100_000m, 80_000m);
        var rate = new TrailingRenewalRate(March, company, new Dictionary<string, RenewalOutcomes> { ["SMB"] = smb, ["Enterprise"] = enterprise });
        RenewalExposure[] renewals =
        [
            new("A", new DateOnly(2026, 3, 10), 12_000m, 0.9, "SMB"),
            new("B", new DateOnly(2026, 3, 31), 6_000m, 0.5, "Enterprise"),
            new("C", new DateOnly(2026, 4, 2), 3_000m, 0.5, "SMB"),
        ];

        var total = RenewalForecaster.Forecast(renewals, March, 3, seed: 7, rate);
        var segments = RenewalForecaster.ForecastBySegment(renewals, March, 3, seed: 7, rate);

        Assert.Equal([18_000m, 3_000m, 0m], total.Select(m => m.EverythingRenewsArr));
        Assert.Equal([(12_000m * 45_000m / 60_000m) + (6_000m * 80_000m / 100_000m), 3_000m * 45_000m / 60_000m, 0m], total.Select(m => m.TrailingRateRenewedArr));
        Assert.Equal([TrailingRateBasis.SegmentAndCompany, TrailingRateBasis.Segment, TrailingRateBasis.Company], total.Select(m => m.TrailingRateBasis));
        // Each segment's rows carry its basis, empty months included, and the baselines add up to the total's.
        Assert.Equal(
            [("Enterprise", 6_000m * 0.8m, TrailingRateBasis.Company), ("Enterprise", 0m, TrailingRateBasis.Company), ("Enterprise", 0m, TrailingRateBasis.Company),
             ("SMB", 12_000m * 0.75m, TrailingRateBasis.Segment), ("SMB", 3_000m * 0.75m, TrailingRateBasis.Segment), ("SMB", 0m, TrailingRateBasis.Segment)],
            segments.Select(m => (m.Segment, m.TrailingRateRenewedArr!.Value, m.TrailingRateBasis!.Value)));
        Assert.Equal(total.Sum(m => m.TrailingRateRenewedArr), segments.Sum(m => m.TrailingRateRenewedArr));
        // Without a rate the model's rows are the same and carry no baseline.
        var plain = RenewalForecaster.Forecast(renewals, March, 3, seed: 7);
        Assert.Equal(plain, total.Select(m => m with { TrailingRateRenewedArr = null, TrailingRateBasis = null }));
    }

    [Fact]
    public void Forecast_CertainRenewals_HaveNoRange()
    {
        RenewalExposure[] renewals = [new("A", March, 5_000m, 1.0), new("B", March, 7_000m, 1.0)];
        var row = RenewalForecaster.Forecast(renewals, March, 1, seed: 1)[0];
        Assert.Equal(12_000m, row.P10RenewedArr);
        Assert.Equal(12_000m, row.P50RenewedArr);
        Assert.Equal(12_000m, row.P90RenewedArr);
    }
}
