namespace ChurnWatch.Analytics.Predictors;

/// <summary>The ordered predictor columns for one company: the fixed predictors, then one usage column per product feature.</summary>
public sealed class PredictorSchema
{
    private readonly PredictorDefinition[] _definitions;
    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a schema from definitions in column order.</summary>
    public PredictorSchema(IEnumerable<PredictorDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = [.. definitions];
        _names = Array.ConvertAll(_definitions, d => d.Name);
        _index = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            if (!_index.TryAdd(_names[i], i))
            {
                throw new ArgumentException($"Predictor '{_names[i]}' appears twice.", nameof(definitions));
            }
        }
    }

    /// <summary>Definitions in column order.</summary>
    public IReadOnlyList<PredictorDefinition> Definitions => _definitions;

    /// <summary>Names in column order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Number of columns.</summary>
    public int Count => _names.Length;

    /// <summary>The schema of a company's history: the catalog's fixed predictors and its usage columns.</summary>
    public static PredictorSchema For(CompanyTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new PredictorSchema(PredictorCatalog.Core.Concat(
            timeline.UsageColumns.Select(c => new PredictorDefinition(
                c,
                $"Events of product feature(s) {string.Join(", ", FeaturesOf(timeline, c).Select(f => $"'{f}'"))} in the 28 days before D.",
                PredictorSource.Usage,
                true))));
    }

    /// <summary>The column of a predictor, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    private static IEnumerable<string> FeaturesOf(CompanyTimeline timeline, string column) =>
        timeline.UsageFeatures.Where((_, i) => timeline.UsageColumns[timeline.UsageColumnOfFeature[i]] == column);
}
