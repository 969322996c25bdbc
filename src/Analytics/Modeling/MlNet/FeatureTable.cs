using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// A <see cref="FeatureMatrix"/> as ML.NET's input: one <see cref="float"/> column per feature, named by the feature
/// (NaN = missing), then optionally the 0/1 label as a Boolean <c>Label</c> column and a row group as a <c>Group</c>
/// text column (the account, for account-grouped cross-validation) and a row weight as a <c>Weight</c> column (for a
/// sampled training set). Read in place, without copying the matrix.
/// </summary>
internal sealed class FeatureTable : IDataView
{
    public const string LabelColumn = "Label";

    public const string GroupColumn = "Group";

    public const string WeightColumn = "Weight";

    private readonly FeatureMatrix _x;
    private readonly double[]? _labels;
    private readonly IReadOnlyList<string>? _groups;
    private readonly double[]? _weights;

    public FeatureTable(FeatureMatrix x, double[]? labels = null, IReadOnlyList<string>? groups = null, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        _x = x;
        _labels = labels;
        _groups = groups;
        _weights = weights;
        Schema = BuildSchema(x.ColumnNames, labels is not null, groups is not null, weights is not null);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    /// <summary>The input schema of a model trained on these features (no label, no group): what a saved model expects.</summary>
    public static DataViewSchema InputSchema(IReadOnlyList<string> featureNames) => BuildSchema(featureNames, false, false, false);

    public long? GetRowCount() => _x.Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private static DataViewSchema BuildSchema(IReadOnlyList<string> featureNames, bool label, bool group, bool weight)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var name in featureNames)
        {
            builder.AddColumn(name, NumberDataViewType.Single);
        }

        if (label)
        {
            builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
        }

        if (group)
        {
            builder.AddColumn(GroupColumn, TextDataViewType.Instance);
        }

        if (weight)
        {
            builder.AddColumn(WeightColumn, NumberDataViewType.Single);
        }

        return builder.ToSchema();
    }

    private sealed class Cursor(FeatureTable table) : RowIndexCursor(table.Schema, table._x.Rows)
    {
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var features = table._x.Columns;
            if (column.Index < features)
            {
                var c = column.Index;
                ValueGetter<float> feature = (ref float value) => value = (float)table._x[(int)Position, c];
                return (ValueGetter<TValue>)(Delegate)feature;
            }

            if (column.Name == LabelColumn && table._labels is { } labels)
            {
                ValueGetter<bool> label = (ref bool value) => value = labels[Position] > 0.5;
                return (ValueGetter<TValue>)(Delegate)label;
            }

            if (column.Name == WeightColumn && table._weights is { } weights)
            {
                ValueGetter<float> weight = (ref float value) => value = (float)weights[Position];
                return (ValueGetter<TValue>)(Delegate)weight;
            }

            var groups = table._groups ?? throw new InvalidOperationException($"No column {column.Name}.");
            ValueGetter<ReadOnlyMemory<char>> group = (ref ReadOnlyMemory<char> value) => value = groups[(int)Position].AsMemory();
            return (ValueGetter<TValue>)(Delegate)group;
        }
    }
}
