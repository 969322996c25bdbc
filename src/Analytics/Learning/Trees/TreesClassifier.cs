using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>Gradient-boosted trees as an <see cref="IBinaryClassifier"/>: contributions are exact TreeSHAP values.</summary>
public sealed class TreesClassifier(GradientBoostedTreesModel model) : IBinaryClassifier
{
    public string Learner => TreesLearner.LearnerName;

    /// <summary>The ensemble, stored in its own JSON format inside a model file.</summary>
    [JsonConverter(typeof(ModelConverter))]
    public GradientBoostedTreesModel Model { get; } = model;

    [JsonIgnore]
    public IReadOnlyList<string> ColumnNames => Model.ColumnNames;

    public double PredictLogit(ReadOnlySpan<double> row) => Model.PredictLogit(row);

    public double[] Contributions(ReadOnlySpan<double> row, out double bias)
    {
        // TreeSHAP gives one value per column and the bias last, as XGBoost's pred_contribs does.
        var all = Model.Contributions(row);
        bias = all[^1];
        return all[..^1];
    }

    /// <summary>Writes the ensemble with its own serializer, so a model file holds exactly what the trees' format defines.</summary>
    private sealed class ModelConverter : JsonConverter<GradientBoostedTreesModel>
    {
        public override GradientBoostedTreesModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return GradientBoostedTreesModelJson.Deserialize(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, GradientBoostedTreesModel value, JsonSerializerOptions options) =>
            writer.WriteRawValue(GradientBoostedTreesModelJson.Serialize(value));
    }
}
