using ChurnWatch.Analytics.Learning.Calibration;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Learning.Calibration;

public class IsotonicCalibratorTests
{
    [Fact]
    public void Fit_HandWorkedExample_MatchesPoolAdjacentViolators()
    {
        // Labels by raw order: 0 | 1 0 | 1 1 0.
        // 0, then 1 then 0 violates: pool {0.2, 0.3} at 1/2. Then 1, 1 (equal rates pool) and 0 violates: pool
        // {0.4, 0.5, 0.6} at 2/3, above 1/2, so it stays. Knots: (0.1, 0), (0.25, 1/2), (0.5, 2/3).
        double[] raw = [0.5, 0.1, 0.3, 0.6, 0.2, 0.4];
        double[] labels = [1, 0, 0, 0, 1, 1];

        var isotonic = IsotonicCalibrator.Fit(raw, labels);

        Assert.Equal([0.1, 0.25, 0.5], isotonic.Centres.Select(c => Math.Round(c, 12)));
        Assert.Equal([0.0, 0.5, 2 / 3.0], isotonic.Values);
    }

    [Fact]
    public void Calibrate_HandWorkedExample_InterpolatesBetweenCentresAndClampsAtEnds()
    {
        var isotonic = IsotonicCalibrator.Fit([0.5, 0.1, 0.3, 0.6, 0.2, 0.4], [1, 0, 0, 0, 1, 1]);

        Assert.Equal(0.0, isotonic.Calibrate(0.0));
        Assert.Equal(0.0, isotonic.Calibrate(0.1));
        Assert.Equal(0.25, isotonic.Calibrate(0.175), 12); // halfway from (0.1, 0) to (0.25, 0.5)
        Assert.Equal(0.5, isotonic.Calibrate(0.25), 12);
        Assert.Equal(0.5 + ((2 / 3.0 - 0.5) * 0.4), isotonic.Calibrate(0.35), 12); // 0.4 of the way to (0.5, 2/3)
        Assert.Equal(2 / 3.0, isotonic.Calibrate(0.5), 12);
        Assert.Equal(2 / 3.0, isotonic.Calibrate(1.0), 12);
    }

    [Fact]
    public void Fit_TiedRawValues_PooledBeforePava()
    {
        // The two rows at 0.2 pool to rate 1/2 (whatever their order); 0.5 at rate 0 violates, so all pool at 1/3.
        var isotonic = IsotonicCalibrator.Fit([0.2, 0.2, 0.5], [1, 0, 0]);

        Assert.Equal([1 / 3.0], isotonic.Values);
        Assert.Equal(0.3, isotonic.Centres[0], 12);
    }

    [Fact]
    public void Fit_TiesInAnyInputOrder_SameKnots()
    {
        var random = new Random(4);
        var raw = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var labels = raw.Select(r => random.NextDouble() < r ? 1.0 : 0.0).ToArray();
        var reversed = Enumerable.Range(0, raw.Length).Reverse().ToArray();

        var forward = IsotonicCalibrator.Fit(raw, labels);
        var backward = IsotonicCalibrator.Fit(reversed.Select(i => raw[i]).ToArray(), reversed.Select(i => labels[i]).ToArray());

        Assert.Equal(forward.Values, backward.Values);
        Assert.Equal(forward.Centres.Count, backward.Centres.Count);
        for (var k = 0; k < forward.Centres.Count; k++)
        {
            Assert.Equal(forward.Centres[k], backward.Centres[k], 12);
        }
    }

    [Fact]
    public void Calibrate_NoisyData_MonotoneNonDecreasingAndWithinUnitInterval()
    {
        var data = new OverConfidentData(3_000, 2, seed: 8);
        var isotonic = IsotonicCalibrator.Fit(data.Raw, data.Labels);

        var previous = double.NegativeInfinity;
        for (var i = -100; i <= 1_100; i++)
        {
            var calibrated = isotonic.Calibrate(i / 1_000.0);
            Assert.InRange(calibrated, 0, 1);
            Assert.True(calibrated >= previous, $"not monotone at {i / 1_000.0}");
            previous = calibrated;
        }

        for (var k = 1; k < isotonic.Centres.Count; k++)
        {
            Assert.True(isotonic.Centres[k] > isotonic.Centres[k - 1]);
            Assert.True(isotonic.Values[k] > isotonic.Values[k - 1]);
        }
    }

    [Fact]
    public void Fit_OverConfidentPredictions_ReducesHeldOutLogLossAndCalibrationError()
    {
        var fit = new OverConfidentData(5_000, 3, seed: 1);
        var test = new OverConfidentData(5_000, 3, seed: 2);

        var isotonic = IsotonicCalibrator.Fit(fit.Raw, fit.Labels);
        var calibrated = test.Raw.Select(isotonic.Calibrate).ToArray();

        var rawLoss = ClassificationMetrics.LogLoss(test.Raw, test.Actual);
        var calibratedLoss = ClassificationMetrics.LogLoss(calibrated, test.Actual);
        Assert.True(calibratedLoss < rawLoss, $"log loss {calibratedLoss} not below raw {rawLoss}");

        var rawError = OverConfidentData.ExpectedCalibrationError(test.Raw, test.Actual);
        var calibratedError = OverConfidentData.ExpectedCalibrationError(calibrated, test.Actual);
        Assert.True(calibratedError < rawError / 3, $"ECE {calibratedError} not well below raw {rawError}");
    }

    [Fact]
    public void Fit_OneClassOnly_ConstantMap()
    {
        var isotonic = IsotonicCalibrator.Fit([0.1, 0.4, 0.9], [0, 0, 0]);

        Assert.Equal([0.0], isotonic.Values);
        Assert.Equal(0.0, isotonic.Calibrate(0.95));
    }

    [Fact]
    public void FromRecord_DecreasingValues_Throws() =>
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.FromRecord(new IsotonicCalibration([0.1, 0.5], [0.6, 0.2])));

    [Fact]
    public void Fit_NaNRaw_Throws() =>
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.Fit([0.1, double.NaN], [0, 1]));
}
