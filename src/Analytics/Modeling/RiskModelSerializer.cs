using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Reads and writes <see cref="RiskModel"/> as one JSON file: ChurnWatch's metadata with the ML.NET model zip inside
/// (<c>classifier.ml_net_model</c>, base64). The same model gives byte-identical JSON: property order is the
/// declaration order, numbers use the shortest round-trip form and the zip is repacked without timestamps.
/// </summary>
public static class RiskModelSerializer
{
    private static JsonSerializerOptions Options => ModelFileJson.Options;

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

    /// <summary>Reads a model, checking its format version and that every column reads a declared predictor.</summary>
    public static RiskModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json = ReadCurrentFormat(json);
        RiskModel? model;
        try
        {
            model = JsonSerializer.Deserialize<RiskModel>(json, Options);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or ArgumentException or IOException)
        {
            throw new JsonException($"The model's ML.NET part cannot be loaded: {e.Message}", e);
        }

        return Check(model ?? throw new JsonException("The model JSON is empty."));
    }

    /// <summary>Reads a model from a UTF-8 JSON stream the caller owns.</summary>
    public static RiskModel Deserialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return Deserialize(reader.ReadToEnd());
    }

    /// <summary>
    /// The file in the current format (version 3 renamed), refusing another format before reading the rest (versions 1
    /// and 2: hand-written learners).
    /// </summary>
    private static string ReadCurrentFormat(string json) => ModelFileJson.ReadCurrentFormat(
        json, "`churnwatch jobs trigger train`, the next scheduled training, or `churnwatch demo` on the sample company");

    private static RiskModel Check(RiskModel model)
    {
        if (model.PredictorNames is null || model.Classifier is null || model.PredictorSettings is null)
        {
            throw new JsonException("The model JSON lacks predictor_names, classifier or predictor_settings.");
        }

        // The classifier reads columns by position: its columns must be the declared predictors, in the same order.
        if (!model.Classifier.ColumnNames.SequenceEqual(model.PredictorNames, StringComparer.Ordinal))
        {
            var undeclared = model.Classifier.ColumnNames.Except(model.PredictorNames, StringComparer.Ordinal).ToArray();
            throw new JsonException(undeclared.Length > 0
                ? $"The classifier reads undeclared predictor '{undeclared[0]}'."
                : "The classifier's columns are not the model's predictor_names in order.");
        }

        return model;
    }
}
