using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class ForecastCalibrationTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    // Actual / forecast of the five months in Apply_RangeIsThePredictionIntervalOfTheNextLogRatio.
    private static readonly double[] Ratios = [0.9, 1.1, 1.0, 0.8, 1.2];

    // Actuals of six months whose combined forecast was 100, in Apply_ActualsAboveTheForecastEveryMonth_...
    private static readonly decimal[] AboveActuals = [108m, 112m, 110m, 109m, 111m, 110m];

    /// <summary>A past forecast at lead 3 settled <paramref name="monthsAgo"/> months before today.</summary>
    private static PastForecast Past(int monthsAgo, decimal model, decimal trailingRate, decimal actual, int lead = 3) =>
        new(lead, Today.AddMonths(-monthsAgo), model, trailingRate, actual);

    [Theory]
    [InlineData(3, 1.638)]
    [InlineData(4, 1.533)]
    [InlineData(5, 1.476)]
    [InlineData(10, 1.372)]
    [InlineData(20, 1.325)]
    [InlineData(30, 1.310)]
    public void StudentT90_MatchesThePublishedTable(int degreesOfFreedom, double table)
    {
        // Student's t, one-sided 0.10, from any statistics table (three decimals).
        Assert.Equal(table, ForecastCalibration.StudentT90(degreesOfFreedom), 0.0015);
    }

    [Fact]
    public void At_FewerThanTheMinimumSettledMonths_IsNull()
    {
        var past = Enumerable.Range(1, ForecastCalibration.MinimumMonths - 1).Select(m => Past(m, 100, 100, 95)).ToList();

        Assert.Null(ForecastCalibration.At(past, 3, Today));
        Assert.NotNull(ForecastCalibration.At([.. past, Past(ForecastCalibration.MinimumMonths, 100, 100, 95)], 3, Today));
    }

    [Fact]
    public void At_ReadsOnlyMonthsSettledByTheDateAtTheSameLeadWithinTheWindow()
    {
        List<PastForecast> settled = [Past(1, 100, 90, 95), Past(2, 100, 90, 95), Past(3, 100, 90, 95), Past(4, 100, 90, 95)];
        var calibration = ForecastCalibration.At(settled, 3, Today)!;

        // A month settling after the date, one at another lead and one older than the window change nothing.
        var noise = new[]
        {
            new PastForecast(3, Today.AddDays(1), 100, 90, 10),
            Past(1, 100, 90, 10, lead: 6),
            Past(ForecastCalibration.WindowMonths, 100, 90, 10),
        };
        Assert.Equal(calibration, ForecastCalibration.At([.. settled, .. noise], 3, Today));
        Assert.Equal(4, calibration.PastMonths);
    }

    [Fact]
    public void At_HandsOverTheMeanOfModelAndTrailingRate_AndMeasuresEachOne()
    {
        // The model 5% too high a month, the trailing rate 10% too low: their mean is 2.5% too low.
        List<PastForecast> opposite = [.. Enumerable.Range(1, 6).Select(m => Past(m, 105, 90, 100))];
        // Both too high: the mean errs between the two.
        List<PastForecast> alike = [.. Enumerable.Range(1, 6).Select(m => Past(m, 105, 110, 100))];

        var calibration = ForecastCalibration.At(opposite, 3, Today)!;
        var between = ForecastCalibration.At(alike, 3, Today)!;

        Assert.Equal(0.05, calibration.ModelError, 12);
        Assert.Equal(0.10, calibration.TrailingRateError, 12);
        Assert.Equal(0.025, calibration.CombinedError, 12);
        // Every month the actual was 100 / 97.5 of the combined forecast: that is where the range sits, with no spread.
        Assert.Equal(Math.Log(100 / 97.5), calibration.MeanLogRatio, 12);
        Assert.Equal(0, calibration.Spread, 12);
        Assert.Equal(0.075, between.CombinedError, 12);
        var given = calibration.Apply(110m, 120m, 1000m);
        Assert.Equal((ForecastMethod.Combined, 115m, 115m), (given.Method, given.Amount, given.P50));
    }

    [Fact]
    public void Apply_RangeIsThePredictionIntervalOfTheNextLogRatio()
    {
        // The combined forecast was 150 each month (the mean of 100 and 200); the actuals are 150 x Ratios.
        List<PastForecast> past = [Past(1, 100, 200, 135), Past(2, 100, 200, 165), Past(3, 100, 200, 150), Past(4, 100, 200, 120), Past(5, 100, 200, 180)];
        var calibration = ForecastCalibration.At(past, 3, Today)!;

        var logs = Ratios.Select(x => Math.Log(x)).ToList();
        var mean = logs.Average();
        var spread = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1));
        Assert.Equal(mean, calibration.MeanLogRatio, 12);
        Assert.Equal(spread, calibration.Spread, 12);

        // Five months: Student's t with 4 degrees of freedom, widened by √(1 + 1/5) for the estimated mean.
        var half = ForecastCalibration.StudentT90(4) * spread * Math.Sqrt(1 + (1.0 / 5));
        var forecast = calibration.Apply(1000m, 2000m, 5000m);
        Assert.Equal(RangeBasis.PastErrors, forecast.Basis);
        Assert.Equal(1500m, forecast.P50);
        Assert.Equal((double)forecast.P10!.Value, 1500 * Math.Exp(mean - half), 0.01);
        Assert.Equal((double)forecast.P90!.Value, 1500 * Math.Exp(mean + half), 0.01);

        // No more can renew than is due.
        Assert.Equal(1550m, calibration.Apply(1000m, 2000m, 1550m).P90);
    }

    [Fact]
    public void Apply_ActualsAboveTheForecastEveryMonth_RangeSitsAboveIt_StretchedToIncludeTheForecast()
    {
        // The combined forecast (100) was 8-12% low every month: the actuals will likely be above it again.
        List<PastForecast> past = [.. AboveActuals.Select((a, i) => Past(i + 1, 100, 100, a))];
        var calibration = ForecastCalibration.At(past, 3, Today)!;
        var lowerEnd = calibration.MeanLogRatio - (ForecastCalibration.StudentT90(5) * calibration.Spread * Math.Sqrt(1 + (1.0 / 6)));
        Assert.True(lowerEnd > 0, $"lower end of the interval {lowerEnd}: it lies above the forecast");
        Assert.Equal(1, calibration.LowFactor);

        var forecast = calibration.Apply(1000m, 1000m, 5000m);

        // The forecast given stays the mean of the two; P90 is where the actuals have been, above it; P10 is the forecast
        // itself, so the range a reader sees always contains the figure handed over.
        Assert.Equal((1000m, 1000m, 1000m), (forecast.Amount, forecast.P50, forecast.P10));
        Assert.Equal((double)forecast.P90!.Value, 1000 * calibration.HighFactor, 0.01);
        Assert.InRange(forecast.P90!.Value, 1110m, 1200m);
    }

    [Fact]
    public void Apply_ErrorsOfAKnownSpread_HoldTheNextActualInEightyPercent()
    {
        // Past and next log errors drawn from the same normal, centred on the forecast or off it: the prediction interval
        // from n past errors holds the next one in 80% of trials, whatever n, the spread and the bias (a range from the
        // normal's 1.28 would hold fewer at small n; one centred on the forecast, more on one side than the other).
        var random = new Random(20261206);
        foreach (var (months, sigma, bias) in new[] { (4, 0.05, 0.0), (8, 0.15, 0.05), (11, 0.10, -0.05) })
        {
            const int Trials = 4000;
            var inside = 0;
            for (var trial = 0; trial < Trials; trial++)
            {
                var past = Enumerable.Range(1, months).Select(m => Past(m, 100, 100, (decimal)(100 * Math.Exp(bias + (sigma * Normal(random)))))).ToList();
                var calibration = ForecastCalibration.At(past, 3, Today)!;
                Assert.Equal(months, calibration.PastMonths); // all within the window
                var forecast = calibration.Apply(100_000m, 100_000m, decimal.MaxValue);
                if (forecast.Inside((decimal)(100_000 * Math.Exp(bias + (sigma * Normal(random))))) == true)
                    inside++;
            }

            // 4,000 trials put the share within 0.02 of 0.8 (three standard errors).
            Assert.InRange((double)inside / Trials, 0.78, 0.82);
        }
    }

    [Fact]
    public void For_MonthsTakeTheNearestLead_AndTheTrailingRateWithoutARangeWhereItHasNone()
    {
        var three = ForecastCalibration.At([.. Enumerable.Range(1, 5).Select(m => Past(m, 100, 120, 100))], 3, Today);
        var byLead = new Dictionary<int, ForecastCalibration?> { [3] = three, [6] = null };

        Assert.Equal(3, ForecastCalibration.NearestLead(byLead.Keys, 0));
        Assert.Equal(3, ForecastCalibration.NearestLead(byLead.Keys, 4));
        Assert.Equal(6, ForecastCalibration.NearestLead(byLead.Keys, 5));
        Assert.Equal(6, ForecastCalibration.NearestLead(byLead.Keys, 11));

        var near = ForecastCalibration.For(byLead, 2, 900m, 800m, 1000m);
        Assert.Equal((ForecastMethod.Combined, 850m, RangeBasis.PastErrors), (near.Method, near.Amount, near.Basis));
        var far = ForecastCalibration.For(byLead, 8, 900m, 800m, 1000m);
        Assert.Equal((ForecastMethod.TrailingRate, 800m, RangeBasis.None), (far.Method, far.Amount, far.Basis));
        Assert.Null(far.Inside(800m));
    }

    [Fact]
    public void Calibrate_EachBacktestMonthLearnsOnlyFromMonthsSettledBeforeItsForecastDate()
    {
        // Twelve months forecast 3 months ahead: the model 5% high, the trailing rate 10% low, one month's actual far off.
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToList();
        RenewalBacktestMonth Row(DateOnly month, decimal actual) =>
            new(month, 3, month.AddMonths(-3), 10, 1_000m, actual * 1.05m, 0m, 0m, 9, actual) { TrailingRateRenewedArr = actual * 0.9m };
        var rows = months.Select(m => Row(m, 900m)).ToList();

        var calibrated = RenewalForecastBacktest.Calibrate(rows, graceDays: 30);

        for (var i = 0; i < calibrated.Count; i++)
        {
            var settledBefore = months.Count(m => PastForecast.SettledDay(m, 30) <= rows[i].ForecastDate);
            var given = calibrated[i].Calibrated!;
            Assert.Equal(settledBefore, given.PastMonths);
            if (settledBefore < ForecastCalibration.MinimumMonths)
            {
                Assert.Equal((ForecastMethod.TrailingRate, rows[i].TrailingRateRenewedArr!.Value, RangeBasis.None), (given.Method, given.Amount, given.Basis));
            }
            else
            {
                var mean = (rows[i].ExpectedRenewedArr + rows[i].TrailingRateRenewedArr!.Value) / 2;
                Assert.Equal((ForecastMethod.Combined, mean, RangeBasis.PastErrors), (given.Method, given.Amount, given.Basis));
            }
        }

        // What happened in the last month cannot change any forecast made before it settled.
        var changed = RenewalForecastBacktest.Calibrate([.. rows.SkipLast(1), Row(months[^1], 100m)], graceDays: 30);
        Assert.Equal(calibrated.SkipLast(1).Select(r => r.Calibrated), changed.SkipLast(1).Select(r => r.Calibrated));
        Assert.Contains(calibrated, r => r.Calibrated!.Basis == RangeBasis.PastErrors);
    }

    [Fact]
    public void RenewalForecasterCalibrate_SegmentsTakeTheCompanysMethodPerMonth_SoTheyAddUpToTheTotal()
    {
        var first = new DateOnly(2026, 12, 1);
        var renewals = Enumerable.Range(0, 40)
            .Select(i => new RenewalExposure($"A{i:00}", first.AddMonths(i % 12).AddDays(i % 20), 1_000m + (i * 37), 0.6 + (i % 4 * 0.1), i % 3 == 0 ? "Enterprise" : "SMB"))
            .ToList();
        var byLead = new Dictionary<int, ForecastCalibration?>
        {
            [3] = ForecastCalibration.At([.. Enumerable.Range(1, 5).Select(m => Past(m, 100, 120, 100))], 3, Today),
            [6] = null,
        };

        var total = RenewalForecaster.Calibrate(RenewalForecaster.Forecast(renewals, first, 12, seed: 3), byLead);
        var segments = RenewalForecaster.Calibrate(RenewalForecaster.ForecastBySegment(renewals, first, 12, seed: 3), byLead);

        foreach (var month in total)
        {
            var ofMonth = segments.Where(s => s.Month == month.Month).ToList();
            Assert.Equal(2, ofMonth.Count);
            var ahead = ((month.Month.Year - first.Year) * 12) + month.Month.Month - first.Month;
            var method = ahead <= 4 ? ForecastMethod.Combined : ForecastMethod.TrailingRate;
            Assert.All(ofMonth.Append(month), m => Assert.Equal(method, m.Calibrated.Method));
            Assert.Equal(month.Calibrated.Amount, ofMonth.Sum(s => s.Calibrated.Amount));
        }
    }

    // Box-Muller: a standard normal from two uniforms.
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
