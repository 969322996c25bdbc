using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// The file in the current format, refusing a file of another format before reading the rest, so a model from an
    /// older ChurnWatch gets a sentence saying what to do (<paramref name="retrain"/>) rather than a message about
    /// missing properties. A version-3 file (written before the model inputs were called predictors) is the same model
    /// under older property names: it is read with them renamed (<see cref="UpgradeFromVersion3"/>), so a user's trained
    /// model survives the rename; it is written back in the current format.
    /// </summary>
    public static string ReadCurrentFormat(string json, string retrain)
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

        if (version is < PredictorsFormatVersion - 1)
        {
            throw new JsonException(
                $"The model file is in an older format (version {version}, from a ChurnWatch before ML.NET became its model engine); retrain to replace it: {retrain}.");
        }

        if (version == PredictorsFormatVersion - 1)
        {
            return UpgradeFromVersion3(json);
        }

        if (version != RiskModel.CurrentFormatVersion)
        {
            throw new JsonException($"Model format version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not supported (expected {RiskModel.CurrentFormatVersion}).");
        }

        return json;
    }

    /// <summary>True when the file is a table model (it names the label it predicts) rather than a churn or renewal model.</summary>
    public static bool IsTableModel(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("label", out _);
    }

    /// <summary>
    /// Version 3 spelled the model inputs "features": <c>feature_settings</c>, <c>feature_names</c>,
    /// <c>classifier.slot_features</c> and each importance entry's <c>feature</c>. Version 4 renamed them to
    /// <c>predictor_settings</c>, <c>predictor_names</c>, <c>slot_predictors</c> and <c>predictor</c>; nothing else
    /// changed (the product features in <c>key_features</c> keep their name).
    /// </summary>
    private static string UpgradeFromVersion3(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        Rename(root, "feature_settings", "predictor_settings");
        Rename(root, "feature_names", "predictor_names");
        if (root["classifier"] is JsonObject classifier)
        {
            Rename(classifier, "slot_features", "slot_predictors");
        }

        if (root["importance"] is JsonArray importance)
        {
            foreach (var entry in importance.OfType<JsonObject>())
            {
                Rename(entry, "feature", "predictor");
            }
        }

        root["format_version"] = RiskModel.CurrentFormatVersion;
        return root.ToJsonString();
    }

    private static void Rename(JsonObject node, string from, string to)
    {
        if (node.Remove(from, out var value))
        {
            node[to] = value;
        }
    }

    /// <summary>The format version that renamed the model inputs to predictors (<see cref="UpgradeFromVersion3"/>).</summary>
    private const int PredictorsFormatVersion = 4;
}
