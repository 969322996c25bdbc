using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Reads and writes <see cref="RiskModel"/> as JSON. The same model gives byte-identical JSON: property order is the
/// declaration order and numbers use the shortest round-trip form.
/// </summary>
public static class RiskModelSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A backtest without both classes has no AUC; JSON has no NaN, so it is written as the string "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The model as indented JSON.</summary>
    public static string Serialize(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, Options);
    }

    /// <summary>Writes the model as UTF-8 JSON to a stream the caller owns.</summary>
    public static void Serialize(RiskModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = Encoding.UTF8.GetBytes(Serialize(model));
        stream.Write(bytes);
    }

    /// <summary>Reads a model, checking its format version and that every column reads a declared feature.</summary>
    public static RiskModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var model = JsonSerializer.Deserialize<RiskModel>(json, Options)
            ?? throw new JsonException("The model JSON is empty.");
        return Check(model);
    }

    /// <summary>Reads a model from a UTF-8 JSON stream the caller owns.</summary>
    public static RiskModel Deserialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var model = JsonSerializer.Deserialize<RiskModel>(stream, Options)
            ?? throw new JsonException("The model JSON is empty.");
        return Check(model);
    }

    private static RiskModel Check(RiskModel model)
    {
        if (model.FormatVersion != RiskModel.CurrentFormatVersion)
        {
            throw new JsonException($"Model format version {model.FormatVersion} is not supported (expected {RiskModel.CurrentFormatVersion}).");
        }

        if (model.FeatureNames is null || model.Classifier is null || model.FeatureSettings is null)
        {
            throw new JsonException("The model JSON lacks feature_names, classifier or feature_settings.");
        }

        // The classifier reads columns by position: its columns must be the declared features, in the same order.
        if (!model.Classifier.ColumnNames.SequenceEqual(model.FeatureNames, StringComparer.Ordinal))
        {
            var undeclared = model.Classifier.ColumnNames.Except(model.FeatureNames, StringComparer.Ordinal).ToArray();
            throw new JsonException(undeclared.Length > 0
                ? $"The classifier reads undeclared feature '{undeclared[0]}'."
                : "The classifier's columns are not the model's feature_names in order.");
        }

        return model;
    }
}
