namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// The input of every learner: rows x columns of doubles, row-major, with <see cref="double.NaN"/> for a missing
/// value (learners route or impute it; they never read it as zero). Immutable once built.
/// </summary>
public sealed class PredictorMatrix
{
    private readonly double[] _values;

    /// <param name="columnNames">One name per column, in order.</param>
    /// <param name="values">Row-major values; its length must be a whole number of rows.</param>
    public PredictorMatrix(IReadOnlyList<string> columnNames, double[] values)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(values);
        if (columnNames.Count == 0 || values.Length % columnNames.Count != 0)
        {
            throw new ArgumentException($"{values.Length} values do not make whole rows of {columnNames.Count} columns.", nameof(values));
        }

        ColumnNames = columnNames;
        _values = values;
        Rows = values.Length / columnNames.Count;
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public int Columns => ColumnNames.Count;

    public int Rows { get; }

    public double this[int row, int column] => _values[(row * Columns) + column];

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>A new matrix of the given rows, in the given order.</summary>
    public PredictorMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new double[rows.Count * Columns];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new PredictorMatrix(ColumnNames, values);
    }
}
