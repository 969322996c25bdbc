using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Writes and reads <see cref="GradientBoostedTreesModel"/> as JSON. The same model gives byte-identical JSON:
/// properties in declaration order, numbers in their shortest round-trip form, no indentation (models are large).
/// </summary>
public static class GradientBoostedTreesModelJson
{
    /// <summary>Raised when the layout changes; <see cref="Deserialize"/> refuses other versions.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // The last bin's threshold is +∞ (every value goes left, missing ones may not), which JSON can only name.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(GradientBoostedTreesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var document = new ModelDocument(
            FormatVersion,
            model.ColumnNames.ToArray(),
            model.BaseScore,
            model.Trees.Select(t => new TreeDocument(t.Feature, t.Threshold, t.DefaultLeft, t.Left, t.Right, t.Value, t.Cover, t.Gain)).ToArray());
        return JsonSerializer.Serialize(document, Options);
    }

    public static GradientBoostedTreesModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize<ModelDocument>(json, Options)
            ?? throw new JsonException("The model JSON is null.");
        if (document.FormatVersion != FormatVersion)
        {
            throw new JsonException($"Model format version {document.FormatVersion} is not the supported version {FormatVersion}.");
        }

        var trees = new List<ShapTree>(document.Trees.Length);
        foreach (var t in document.Trees)
        {
            var n = t.Feature.Length;
            if (t.Threshold.Length != n || t.DefaultLeft.Length != n || t.Left.Length != n || t.Right.Length != n || t.Value.Length != n || t.Cover.Length != n || t.Gain.Length != n)
            {
                throw new JsonException($"Tree {trees.Count} has node arrays of different lengths.");
            }

            for (var node = 0; node < n; node++)
            {
                var f = t.Feature[node];
                if (f >= document.ColumnNames.Length || (f >= 0 && (t.Left[node] <= node || t.Right[node] <= node || t.Left[node] >= n || t.Right[node] >= n)))
                {
                    throw new JsonException($"Tree {trees.Count} node {node} points outside the tree or the columns.");
                }
            }

            trees.Add(new ShapTree(t.Feature, t.Threshold, t.DefaultLeft, t.Left, t.Right, t.Value, t.Cover, t.Gain));
        }

        return new GradientBoostedTreesModel(document.ColumnNames, document.BaseScore, trees);
    }

    private sealed record ModelDocument(int FormatVersion, string[] ColumnNames, double BaseScore, TreeDocument[] Trees);

    private sealed record TreeDocument(int[] Feature, double[] Threshold, bool[] DefaultLeft, int[] Left, int[] Right, double[] Value, double[] Cover, double[] Gain);
}
