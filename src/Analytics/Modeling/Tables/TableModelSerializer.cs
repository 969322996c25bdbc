using System.Text.Json;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// Reads and writes <see cref="TableModel"/> as one JSON file with the conventions of every ChurnWatch model file
/// (<see cref="RiskModelSerializer"/>): the same model gives byte-identical JSON, the ML.NET zip is inside
/// (<c>classifier.ml_net_model</c>, base64), and a file of another format is refused with a sentence saying what to do.
/// </summary>
public static class TableModelSerializer
{
    public static string Serialize(TableModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, ModelFileJson.Options);
    }

    /// <summary>Reads a model; <paramref name="source"/> names the file in messages.</summary>
    public static TableModel Deserialize(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        TableModel? model;
        try
        {
            // Files of format 1 held ChurnWatch's own hand-written learners; format 3 is read with its old names renamed.
            json = ModelFileJson.ReadCurrentFormat(json, "`churnwatch model train` on the table");
            if (!ModelFileJson.IsTableModel(json))
            {
                throw new JsonException("it is a churn or renewal model (read it with `churnwatch model show`), not a model of an account table");
            }

            model = JsonSerializer.Deserialize<TableModel>(json, ModelFileJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidDataException or FormatException or ArgumentException or IOException)
        {
            throw new TableException($"{source} is not a ChurnWatch table model file: {e.Message}", e);
        }

        if (model?.Columns is null || model.Classifier is null)
        {
            throw new TableException($"{source} is not a ChurnWatch table model file: it lacks columns or classifier.");
        }

        return model;
    }

    /// <summary>True when <paramref name="json"/> is a table model file rather than a churn or renewal model.</summary>
    public static bool IsTableModel(string json) => ModelFileJson.IsTableModel(json);
}
