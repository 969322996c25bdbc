using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// Reads and writes a <see cref="ProbabilityCalibration"/> as JSON with the conventions of the model JSON (snake_case,
/// declaration order, shortest round-trip numbers), so the same calibration gives the same bytes and reads back to a
/// calibrator with identical outputs.
/// </summary>
internal static class CalibrationSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Serialize(ProbabilityCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return JsonSerializer.Serialize(calibration, Options);
    }

    /// <summary>Reads a calibration and checks it describes a valid calibrator.</summary>
    public static ProbabilityCalibration Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var calibration = JsonSerializer.Deserialize<ProbabilityCalibration>(json, Options)
            ?? throw new JsonException("The calibration JSON is empty.");
        try
        {
            _ = Calibrators.FromRecord(calibration);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The calibration JSON is invalid: {e.Message}", e);
        }

        return calibration;
    }
}
