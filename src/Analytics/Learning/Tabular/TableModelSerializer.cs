using System.Text.Json;
using System.Text.Json.Serialization;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Learning.Tabular;

/// <summary>Table models as JSON files: snake_case, indented, deterministic; refuses files of another format version.</summary>
public static class TableModelSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(TableModel model) => JsonSerializer.Serialize(model, Options);

    public static TableModel Deserialize(string json, string source)
    {
        TableModel? model;
        try
        {
            model = JsonSerializer.Deserialize<TableModel>(json, Options);
        }
        catch (JsonException e)
        {
            throw new TableException($"{source} is not a ChurnWatch model file: {e.Message}", e);
        }

        if (model is null || model.FormatVersion != TableModel.CurrentFormatVersion)
        {
            throw new TableException($"{source}: model format version {model?.FormatVersion} is not supported (expected {TableModel.CurrentFormatVersion}).");
        }

        return model;
    }

    /// <summary>The version stamped into new model files.</summary>
    public static string Version => RiskModel.CurrentChurnWatchVersion;
}
