using ChurnWatch.Analytics.Learning.Calibration;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Learning.Calibration;

public class PlattCalibratorTests
{
    [Fact]
    public void FitLogits_LabelsDrawnFromKnownSigmoid_RecoversSlopeAndInterceptWithinFourStandardErrors()
    {
        const double a = 1.7, b = -0.8;
        const int n = 20_000;
        var random = new Random(7);
        var logits = new double[n];
        var labels = new double[n];
        double iaa = 0, iab = 0, ibb = 0;
        for (var i = 0; i < n; i++)
        {
            logits[i] = -4 + (8 * random.NextDouble());
            var p = 1 / (1 + Math.Exp(-((a * logits[i]) + b)));
            labels[i] = random.NextDouble() < p ? 1 : 0;
            iaa += p * (1 - p) * logits[i] * logits[i];
            iab += p * (1 - p) * logits[i];
            ibb += p * (1 - p);
        }

        // Standard errors of the maximum-likelihood estimate: the diagonal of the inverse Fisher information.
        var determinant = (iaa * ibb) - (iab * iab);
        var seA = Math.Sqrt(ibb / determinant);
        var seB = Math.Sqrt(iaa / determinant);

        var platt = PlattCalibrator.FitLogits(logits, labels);

        Assert.InRange(platt.Slope, a - (4 * seA), a + (4 * seA));
        Assert.InRange(platt.Intercept, b - (4 * seB), b + (4 * seB));
    }

    [Fact]
    public void Fit_OverConfidentPredictions_SlopeNearInverseOfPush()
    {
        // raw = sigmoid(3 logit(p)), so logit(p) = logit(raw) / 3: the ideal map has slope 1/3 and intercept 0.
        var data = new OverConfidentData(20_000, 3, seed: 11);

        var platt = PlattCalibrator.Fit(data.Raw, data.Labels);

        Assert.InRange(platt.Slope, 1 / 3.0 - 0.03, 1 / 3.0 + 0.03);
        Assert.InRange(platt.Intercept, -0.06, 0.06);
    }

    [Fact]
    public void Fit_OverConfidentPredictions_ReducesHeldOutLogLossAndCalibrationError()
    {
        var fit = new OverConfidentData(5_000, 3, seed: 1);
        var test = new OverConfidentData(5_000, 3, seed: 2);

        var platt = PlattCalibrator.Fit(fit.Raw, fit.Labels);
        var calibrated = test.Raw.Select(platt.Calibrate).ToArray();

        var rawLoss = ClassificationMetrics.LogLoss(test.Raw, test.Actual);
        var calibratedLoss = ClassificationMetrics.LogLoss(calibrated, test.Actual);
        var trueLoss = ClassificationMetrics.LogLoss(test.TrueProbabilities, test.Actual);
        Assert.True(calibratedLoss < rawLoss, $"log loss {calibratedLoss} not below raw {rawLoss}");
        // Calibration recovers nearly all of the excess over the true probabilities' loss.
        Assert.True(calibratedLoss - trueLoss < 0.1 * (rawLoss - trueLoss), $"calibrated {calibratedLoss}, true {trueLoss}, raw {rawLoss}");

        var rawError = OverConfidentData.ExpectedCalibrationError(test.Raw, test.Actual);
        var calibratedError = OverConfidentData.ExpectedCalibrationError(calibrated, test.Actual);
        Assert.True(calibratedError < rawError / 3, $"ECE {calibratedError} not well below raw {rawError}");
    }

    [Fact]
    public void Fit_PerfectlySeparatedScores_KeepsParametersFinite()
    {
        double[] raw = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
        double[] labels = [0, 0, 0, 1, 1, 1];

        var platt = PlattCalibrator.Fit(raw, labels);

        // Smoothed targets (N+ + 1)/(N+ + 2) = 0.8 and 1/(N- + 2) = 0.2 bound the fit away from 0 and 1.
        Assert.True(double.IsFinite(platt.Slope) && double.IsFinite(platt.Intercept));
        Assert.InRange(platt.Calibrate(0.9), 0.5, 0.95);
        Assert.InRange(platt.Calibrate(0.1), 0.05, 0.5);
    }

    [Fact]
    public void Fit_SameDataTwice_SameBits()
    {
        var data = new OverConfidentData(2_000, 2, seed: 3);

        var first = PlattCalibrator.Fit(data.Raw, data.Labels);
        var second = PlattCalibrator.Fit(data.Raw, data.Labels);

        Assert.Equal(first.ToRecord(), second.ToRecord());
    }

    [Fact]
    public void Fit_AtOptimum_GradientOfSmoothedLossIsZero()
    {
        var data = new OverConfidentData(3_000, 2, seed: 5);
        var platt = PlattCalibrator.Fit(data.Raw, data.Labels);
        var positives = data.Labels.Count(l => l == 1);
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (data.Labels.Length - positives + 2.0);

        double ga = 0, gb = 0;
        for (var i = 0; i < data.Raw.Length; i++)
        {
            var f = Math.Log(data.Raw[i] / (1 - data.Raw[i]));
            var residual = platt.CalibrateLogit(f) - (data.Labels[i] == 1 ? high : low);
            ga += residual * f;
            gb += residual;
        }

        Assert.Equal(0, ga / data.Raw.Length, 9);
        Assert.Equal(0, gb / data.Raw.Length, 9);
    }

    [Fact]
    public void Fit_AllScoresEqual_PredictsMeanSmoothedTarget()
    {
        // One distinct logit: the best sigmoid can only output the mean of the smoothed targets.
        double[] raw = [0.7, 0.7, 0.7, 0.7, 0.7];
        double[] labels = [1, 0, 1, 1, 0];
        var mean = ((3 * (4 / 5.0)) + (2 * (1 / 4.0))) / 5;

        var platt = PlattCalibrator.Fit(raw, labels);

        Assert.Equal(mean, platt.Calibrate(0.7), 9);
    }

    [Fact]
    public void Fit_RawOutsideUnitInterval_Throws() =>
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([0.2, 1.5], [0, 1]));

    [Fact]
    public void Calibrate_NaN_IsNaN() =>
        Assert.True(double.IsNaN(PlattCalibrator.Fit([0.2, 0.8], [0, 1]).Calibrate(double.NaN)));

    [Fact]
    public void Fit_LabelNotZeroOrOne_Throws() =>
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([0.2, 0.8], [0, 0.5]));

    [Fact]
    public void Fit_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([0.2, 0.8], [0]));
}
