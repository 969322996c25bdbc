using ChurnWatch.Analytics.Learning.Calibration;

namespace ChurnWatch.Analytics.Tests.Learning.Calibration;

public class CalibrationChooserTests
{
    [Fact]
    public void Choose_OverConfidentHeldOut_WinnerHasLowerLossAndBothBeatRaw()
    {
        var data = new OverConfidentData(4_000, 3, seed: 31);

        var choice = CalibrationChooser.Choose(data.Raw, data.Labels, seed: 1);

        Assert.True(choice.PlattLogLoss < choice.UncalibratedLogLoss);
        Assert.True(choice.IsotonicLogLoss < choice.UncalibratedLogLoss);
        var expected = choice.IsotonicLogLoss < choice.PlattLogLoss ? typeof(IsotonicCalibration) : typeof(PlattCalibration);
        Assert.IsType(expected, choice.Calibration);
    }

    [Fact]
    public void Choose_SigmoidDistortionOnFewRows_PicksPlatt()
    {
        // Platt's family contains the truth exactly; isotonic's steps only add variance on 300 rows.
        var data = new OverConfidentData(300, 3, seed: 32);

        var choice = CalibrationChooser.Choose(data.Raw, data.Labels, seed: 1);

        Assert.IsType<PlattCalibration>(choice.Calibration);
        Assert.True(choice.PlattLogLoss <= choice.IsotonicLogLoss);
    }

    [Fact]
    public void Choose_StepShapedTruth_PicksIsotonic()
    {
        // Outcome rate 0.3 below raw 0.8 and 0.95 above: a jump no sigmoid of the logit follows.
        var random = new Random(33);
        var raw = Enumerable.Range(0, 4_000).Select(_ => random.NextDouble()).ToArray();
        var labels = raw.Select(r => random.NextDouble() < (r < 0.8 ? 0.3 : 0.95) ? 1.0 : 0.0).ToArray();

        var choice = CalibrationChooser.Choose(raw, labels, seed: 1);

        Assert.IsType<IsotonicCalibration>(choice.Calibration);
        Assert.True(choice.IsotonicLogLoss < choice.PlattLogLoss);
    }

    [Fact]
    public void Choose_SameSeed_SameChoice()
    {
        var data = new OverConfidentData(1_000, 2, seed: 34);

        var first = CalibrationChooser.Choose(data.Raw, data.Labels, seed: 5);
        var second = CalibrationChooser.Choose(data.Raw, data.Labels, seed: 5);

        Assert.Equal(CalibrationSerializer.Serialize(first.Calibration), CalibrationSerializer.Serialize(second.Calibration));
        Assert.Equal(first with { Calibration = second.Calibration }, second);
    }

    [Fact]
    public void Choose_OnePositive_PlattWithoutComparison()
    {
        var choice = CalibrationChooser.Choose([0.1, 0.2, 0.3, 0.9], [0, 0, 0, 1], seed: 1);

        Assert.IsType<PlattCalibration>(choice.Calibration);
        Assert.True(double.IsNaN(choice.PlattLogLoss) && double.IsNaN(choice.IsotonicLogLoss));
    }
}
