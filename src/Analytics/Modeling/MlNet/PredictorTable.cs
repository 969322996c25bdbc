using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Predictor rows as ML.NET's input: one <see cref="float"/> column per predictor, named by it (NaN = missing),
/// then optionally the 0/1 label as a Boolean <c>Label</c> column and a row group as a <c>Group</c> text column (the
/// account, for account-grouped cross-validation) and a row weight as a <c>Weight</c> column (for a sampled training
/// set). The rows are either an in-memory <see cref="PredictorMatrix"/> (accounts being scored), read in place, or chosen
/// rows of a training's <see cref="PredictorRows"/> file, streamed from it by each cursor: a fit never holds the training
/// rows as one array (ML.NET keeps what its learner needs, LightGBM's binned copy or L-BFGS's cache).
/// </summary>
internal sealed class PredictorTable : IDataView
{
    public const string LabelColumn = "Label";

    public const string GroupColumn = "Group";

    public const string WeightColumn = "Weight";

    private readonly PredictorMatrix? _matrix;
    private readonly PredictorRows? _file;
    private readonly int[]? _fileRows;
    private readonly double[]? _labels;
    private readonly IReadOnlyList<string>? _groups;
    private readonly double[]? _weights;

    public PredictorTable(PredictorMatrix x, double[]? labels = null, IReadOnlyList<string>? groups = null, double[]? weights = null)
        : this((x ?? throw new ArgumentNullException(nameof(x))).ColumnNames, x.Rows, labels, groups, weights)
    {
        _matrix = x;
    }

    /// <summary>Rows <paramref name="rows"/> of a training's predictor file, in that order (increasing reads fastest).</summary>
    public PredictorTable(PredictorRows file, int[] rows, double[]? labels = null, double[]? weights = null)
        : this((file ?? throw new ArgumentNullException(nameof(file))).Names, (rows ?? throw new ArgumentNullException(nameof(rows))).Length, labels, null, weights)
    {
        _file = file;
        _fileRows = rows;
    }

    private PredictorTable(IReadOnlyList<string> names, int rows, double[]? labels, IReadOnlyList<string>? groups, double[]? weights)
    {
        ArgumentNullException.ThrowIfNull(names);
        if ((labels is not null && labels.Length != rows) || (groups is not null && groups.Count != rows) || (weights is not null && weights.Length != rows))
        {
            throw new ArgumentException($"Labels, groups and weights must have one value per row ({rows}).");
        }

        ColumnNames = names;
        Rows = rows;
        _labels = labels;
        _groups = groups;
        _weights = weights;
        Schema = BuildSchema(names, labels is not null, groups is not null, weights is not null);
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public int Rows { get; }

    /// <summary>The rows' labels (0/1), when the table has them.</summary>
    public double[]? Labels => _labels;

    /// <summary>The rows' weights, when the table is a weighted sample.</summary>
    public double[]? Weights => _weights;

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    /// <summary>The input schema of a model trained on these predictors (no label, no group): what a saved model expects.</summary>
    public static DataViewSchema InputSchema(IReadOnlyList<string> predictorNames) => BuildSchema(predictorNames, false, false, false);

    /// <summary>The rows at <paramref name="positions"/> of this table (positions 0 to <see cref="Rows"/> - 1), with their labels and weights.</summary>
    public PredictorTable Subset(int[] positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        double[]? Pick(double[]? values) => values is null ? null : [.. positions.Select(p => values[p])];
        if (_file is not null)
        {
            return new PredictorTable(_file, [.. positions.Select(p => _fileRows![p])], Pick(_labels), Pick(_weights));
        }

        return new PredictorTable(_matrix!.SelectRows(positions), Pick(_labels), _groups is null ? null : [.. positions.Select(p => _groups[p])], Pick(_weights));
    }

    /// <summary>Per column, whether some row's value is missing and whether some row's value is present (one pass).</summary>
    public (bool[] Missing, bool[] Present) MissingAndPresent()
    {
        var missing = new bool[ColumnNames.Count];
        var present = new bool[ColumnNames.Count];
        using var cursor = new Cursor(this);
        while (cursor.MoveNext())
        {
            var row = cursor.Current;
            for (var c = 0; c < row.Length; c++)
            {
                if (float.IsNaN(row[c]))
                {
                    missing[c] = true;
                }
                else
                {
                    present[c] = true;
                }
            }
        }

        return (missing, present);
    }

    public long? GetRowCount() => Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private static DataViewSchema BuildSchema(IReadOnlyList<string> predictorNames, bool label, bool group, bool weight)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var name in predictorNames)
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

    /// <summary>Reads each row's predictors once, as the cursor moves to it; the getters read that copy.</summary>
    private sealed class Cursor(PredictorTable table) : RowIndexCursor(table.Schema, table.Rows)
    {
        private readonly float[] _current = new float[table.ColumnNames.Count];
        private readonly PredictorRows.Reader? _reader = table._file?.OpenReader();

        public ReadOnlySpan<float> Current => _current;

        public override bool MoveNext()
        {
            if (!base.MoveNext())
            {
                return false;
            }

            var row = (int)Position;
            if (_reader is not null)
            {
                _reader.Read(table._fileRows![row], _current);
            }
            else
            {
                var values = table._matrix!.Row(row);
                for (var c = 0; c < values.Length; c++)
                {
                    _current[c] = (float)values[c];
                }
            }

            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < _current.Length)
            {
                var c = column.Index;
                ValueGetter<float> predictor = (ref float value) => value = _current[c];
                return (ValueGetter<TValue>)(Delegate)predictor;
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
