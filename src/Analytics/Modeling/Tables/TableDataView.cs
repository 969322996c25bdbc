using ChurnWatch.Analytics.Modeling.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// A <see cref="TableData"/> as ML.NET's input, read in place: one column per model column (<see cref="float"/> for a
/// number, NaN = missing; text for a text column), then optionally the Boolean <c>Label</c>, the row's group as
/// <c>Group</c> text (an account, for grouped folds) and its given fold as <c>Fold</c>, a key of as many values as
/// folds (how ML.NET's cross-validation is told to use given folds), and always the row's index as <c>Row</c>, so
/// out-of-fold predictions can be put back in table order.
/// </summary>
internal sealed class TableDataView : IDataView
{
    public const string FoldColumn = "Fold";

    public const string RowColumn = "Row";

    private readonly TableData _data;
    private readonly double[]? _labels;
    private readonly IReadOnlyList<string>? _groups;
    private readonly IReadOnlyList<int>? _folds;

    public TableDataView(TableData data, double[]? labels, IReadOnlyList<string>? groups, IReadOnlyList<int>? folds)
    {
        _data = data;
        _labels = labels;
        _groups = groups;
        _folds = folds;
        var builder = InputSchemaBuilder(data.Columns);
        if (labels is not null)
        {
            builder.AddColumn(PredictorTable.LabelColumn, BooleanDataViewType.Instance);
        }

        if (groups is not null)
        {
            builder.AddColumn(PredictorTable.GroupColumn, TextDataViewType.Instance);
        }

        if (folds is not null)
        {
            builder.AddColumn(FoldColumn, new KeyDataViewType(typeof(uint), folds.Max() + 1));
        }

        builder.AddColumn(RowColumn, NumberDataViewType.Int32);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    /// <summary>What a table model expects as input: its columns, numbers as <see cref="float"/>, text as text.</summary>
    public static DataViewSchema InputSchema(IReadOnlyList<TableColumn> columns) => InputSchemaBuilder(columns).ToSchema();

    public long? GetRowCount() => _data.Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private static DataViewSchema.Builder InputSchemaBuilder(IReadOnlyList<TableColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.IsText ? TextDataViewType.Instance : NumberDataViewType.Single);
        }

        return builder;
    }

    private sealed class Cursor(TableDataView view) : RowIndexCursor(view.Schema, view._data.Rows)
    {
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var data = view._data;
            if (column.Index < data.Columns.Count)
            {
                if (data.Numbers[column.Index] is { } numbers)
                {
                    ValueGetter<float> number = (ref float value) => value = numbers[Position];
                    return (ValueGetter<TValue>)(Delegate)number;
                }

                var cells = data.Texts[column.Index]!;
                ValueGetter<ReadOnlyMemory<char>> text = (ref ReadOnlyMemory<char> value) => value = cells[Position].AsMemory();
                return (ValueGetter<TValue>)(Delegate)text;
            }

            switch (column.Name)
            {
                case PredictorTable.LabelColumn:
                    var labels = view._labels!;
                    ValueGetter<bool> label = (ref bool value) => value = labels[Position] > 0.5;
                    return (ValueGetter<TValue>)(Delegate)label;
                case PredictorTable.GroupColumn:
                    var groups = view._groups!;
                    ValueGetter<ReadOnlyMemory<char>> group = (ref ReadOnlyMemory<char> value) => value = groups[(int)Position].AsMemory();
                    return (ValueGetter<TValue>)(Delegate)group;
                case FoldColumn:
                    // Keys count from 1 (0 is missing): fold k is key k + 1.
                    var folds = view._folds!;
                    ValueGetter<uint> fold = (ref uint value) => value = (uint)folds[(int)Position] + 1;
                    return (ValueGetter<TValue>)(Delegate)fold;
                default:
                    ValueGetter<int> row = (ref int value) => value = (int)Position;
                    return (ValueGetter<TValue>)(Delegate)row;
            }
        }
    }
}
