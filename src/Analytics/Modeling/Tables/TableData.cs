using System.Globalization;
using Microsoft.ML;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// An account table's model columns parsed once: numbers as <see cref="float"/> (NaN = empty), text as it is (an empty
/// cell is missing). A cell that is not a number in a numeric column is refused here, naming the row and column,
/// before ML.NET sees it.
/// </summary>
internal sealed class TableData
{
    private TableData(IReadOnlyList<TableColumn> columns, float[]?[] numbers, string[]?[] texts, int rows)
    {
        Columns = columns;
        Numbers = numbers;
        Texts = texts;
        Rows = rows;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Per column, its numbers (null for a text column).</summary>
    public float[]?[] Numbers { get; }

    /// <summary>Per column, its cells (null for a numeric column).</summary>
    public string[]?[] Texts { get; }

    public int Rows { get; }

    public static TableData Read(AccountTable table, IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var numbers = new float[]?[columns.Count];
        var texts = new string[]?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var source = table.IndexOf(columns[c].Name, "the model");
            if (columns[c].IsText)
            {
                texts[c] = [.. table.Rows.Select(r => r[source])];
                continue;
            }

            var values = new float[table.Rows.Count];
            for (var r = 0; r < values.Length; r++)
            {
                values[r] = Number(table, r, columns[c].Name, table.Rows[r][source]);
            }

            numbers[c] = values;
        }

        return new TableData(columns, numbers, texts, table.Rows.Count);
    }

    /// <summary>The rows as ML.NET's input, with optional label, group and fold columns (see <see cref="TableDataView"/>).</summary>
    public IDataView View(double[]? labels = null, IReadOnlyList<string>? groups = null, IReadOnlyList<int>? folds = null) =>
        new TableDataView(this, labels, groups, folds);

    /// <summary>The names of the model's input columns, in order.</summary>
    public string[] Names => [.. Columns.Select(c => c.Name)];

    /// <summary>Per column, the text levels it keeps (null for a number), as <c>PredictorPreparation</c> reads them.</summary>
    public IReadOnlyList<string>?[] Levels => [.. Columns.Select(c => c.Levels)];

    /// <summary>Per column, whether some value is missing; always false for text (an empty level is "(other)").</summary>
    public bool[] Missing => [.. Numbers.Select(v => v is not null && v.Any(float.IsNaN))];

    /// <summary>Per column, whether some value is present.</summary>
    public bool[] Present => [.. Numbers.Select(v => v is null || v.Any(x => !float.IsNaN(x)))];

    /// <summary>
    /// Numeric columns read on a signed log scale by the linear model: every one whose values are all non-negative and
    /// skewed (skewness above 1), such as counts and amounts, since nobody described this table's columns.
    /// </summary>
    public IReadOnlySet<string> Skewed()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < Columns.Count; c++)
        {
            var values = Numbers[c]?.Where(v => !float.IsNaN(v)).Select(v => (double)v).ToArray();
            if (values is { Length: > 0 } && values.Min() >= 0 && Skewness(values) > 1)
            {
                result.Add(Columns[c].Name);
            }
        }

        return result;
    }

    private static double Skewness(double[] values)
    {
        var mean = values.Average();
        var m2 = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        var m3 = values.Sum(v => (v - mean) * (v - mean) * (v - mean)) / values.Length;
        return m2 < 1e-12 ? 0 : m3 / Math.Pow(m2, 1.5);
    }

    private static float Number(AccountTable table, int row, string column, string cell)
    {
        if (cell.Length == 0)
        {
            return float.NaN;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (float)value
            : throw new TableException($"{table.Source}: row {row + 2}, column '{column}': '{cell}' is not a number (invariant culture, e.g. 1234.5), but the model reads this column as numeric.");
    }
}
