using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Bench;

/// <summary>
/// Rows of a row-major float matrix as an ML.NET <see cref="IDataView"/> with one <c>Features</c> vector column, read in
/// place: a getter copies the row's floats into the reader's own <see cref="VBuffer{T}"/>, so no array is made per row.
/// <see cref="GetRowCursorSet"/> splits the rows into contiguous ranges, one per cursor, and a cursor's row id is the
/// row's index, so a reader of parallel cursors knows where each score belongs.
/// </summary>
internal sealed class MatrixView : IDataView
{
    public const string FeaturesColumn = "Features";

    private readonly float[] _values;
    private readonly int _columns;

    public MatrixView(float[] values, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        _values = values;
        _columns = columns;
        Rows = values.Length / columns;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, columns));
        Schema = builder.ToSchema();
    }

    public int Rows { get; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, 0, Rows);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var count = Math.Clamp(n, 1, Math.Max(1, Rows));
        var size = (Rows + count - 1) / count;
        return [.. Enumerable.Range(0, count).Select(i => new Cursor(this, Math.Min(Rows, i * size), Math.Min(Rows, (i + 1) * size)))];
    }

    private sealed class Cursor(MatrixView view, int from, int to) : DataViewRowCursor
    {
        private int _row = from - 1;

        public override long Position => _row - from;

        // Rows of one cursor form one batch: ML.NET only requires that cursors of one set differ.
        public override long Batch => from;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            if (_row + 1 >= to)
            {
                _row = to;
                return false;
            }

            _row++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            ValueGetter<VBuffer<float>> features = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, view._columns);
                view._values.AsSpan(_row * view._columns, view._columns).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)features;
        }
    }
}
