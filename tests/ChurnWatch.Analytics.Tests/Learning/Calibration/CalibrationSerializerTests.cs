using System.Text.Json;
using ChurnWatch.Analytics.Learning.Calibration;

namespace ChurnWatch.Analytics.Tests.Learning.Calibration;

public class CalibrationSerializerTests
{
    public static TheoryData<string> Methods => new() { PlattCalibration.MethodName, IsotonicCalibration.MethodName };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Deserialize_SerializedCalibrator_IdenticalOutputs(string method)
    {
        var data = new OverConfidentData(2_000, 2.5, seed: 21);
        IProbabilityCalibrator fitted = method == PlattCalibration.MethodName
            ? PlattCalibrator.Fit(data.Raw, data.Labels)
            : IsotonicCalibrator.Fit(data.Raw, data.Labels);

        var json = CalibrationSerializer.Serialize(fitted.ToRecord());
        var restored = Calibrators.FromRecord(CalibrationSerializer.Deserialize(json));

        for (var i = 0; i <= 1_000; i++)
        {
            var raw = i / 1_000.0;
            Assert.Equal(fitted.Calibrate(raw), restored.Calibrate(raw));
        }

        foreach (var raw in data.Raw)
        {
            Assert.Equal(fitted.Calibrate(raw), restored.Calibrate(raw));
        }

        Assert.Equal(json, CalibrationSerializer.Serialize(restored.ToRecord()));
    }

    [Fact]
    public void Serialize_Platt_MethodFirstThenSnakeCaseParameters()
    {
        var json = CalibrationSerializer.Serialize(new PlattCalibration(0.5, -0.25));

        Assert.Equal("{\n  \"method\": \"platt\",\n  \"slope\": 0.5,\n  \"intercept\": -0.25\n}", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Deserialize_IsotonicWithDecreasingCentres_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => CalibrationSerializer.Deserialize(
            "{\"method\":\"isotonic\",\"centres\":[0.5,0.1],\"values\":[0.1,0.2]}"));

    [Fact]
    public void Deserialize_UnknownMethod_ThrowsJsonException() =>
        Assert.ThrowsAny<JsonException>(() => CalibrationSerializer.Deserialize("{\"method\":\"beta\",\"a\":1}"));
}
