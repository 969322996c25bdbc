using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// The JSON conventions every ChurnWatch model file shares (<see cref="RiskModelSerializer"/> for churn and renewal
/// models, <see cref="Tables.TableModelSerializer"/> for models of an account table): snake_case, indented, property
/// order = declaration order, shortest round-trip numbers, so the same model gives the same bytes; and one format
/// version for both, checked before anything else is read.
/// </summary>
internal static class ModelFileJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A backtest or a fold without both classes has no AUC; JSON has no NaN, so it is written as the string "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Refuses a file of another format before reading the rest, so a model from an older ChurnWatch gets a sentence
    /// saying what to do (<paramref name="retrain"/>) rather than a message about missing properties.
    /// </summary>
    public static void CheckFormatVersion(string json, string retrain)
    {
        int? version = null;
        using (var document = JsonDocument.Parse(json))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format_version", out var element) && element.TryGetInt32(out var number))
            {
                version = number;
            }
        }

        if (version is < RiskModel.CurrentFormatVersion)
        {
            throw new JsonException(
                $"The model file is in an older format (version {version}, from a ChurnWatch before ML.NET became its model engine); retrain to replace it: {retrain}.");
        }

        if (version != RiskModel.CurrentFormatVersion)
        {
            throw new JsonException($"Model format version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not supported (expected {RiskModel.CurrentFormatVersion}).");
        }
    }

    /// <summary>True when the file is a table model (it names the label it predicts) rather than a churn or renewal model.</summary>
    public static bool IsTableModel(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("label", out _);
    }
}
