using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// A cursor over a table ChurnWatch holds in memory and hands to ML.NET in place (<see cref="PredictorTable"/>,
/// <c>Tables.TableDataView</c>): it walks the rows 0 to <paramref name="rows"/> - 1 in order, and the table's own
/// cursor hands out getters that read row <see cref="DataViewRowCursor.Position"/>. Every column is active: the tables
/// are read cell by cell, so leaving columns out would save nothing.
/// </summary>
internal abstract class RowIndexCursor(DataViewSchema schema, long rows) : DataViewRowCursor
{
    private long _position = -1;

    public override long Position => _position;

    public override long Batch => 0;

    public override DataViewSchema Schema => schema;

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override bool MoveNext()
    {
        if (_position + 1 >= rows)
        {
            _position = rows;
            return false;
        }

        _position++;
        return true;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);
}
