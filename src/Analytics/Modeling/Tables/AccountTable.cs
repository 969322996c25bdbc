namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>A plain table of one row per account, as text: what <c>churnwatch model</c> reads from a CSV.</summary>
/// <param name="Source">Where it came from, for messages (a file name).</param>
/// <param name="Columns">Header names.</param>
/// <param name="Rows">Cells, each row as long as <paramref name="Columns"/>; an empty cell is a missing value.</param>
public sealed record AccountTable(string Source, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows)
{
    /// <summary>The index of a column, or a clear error naming the columns there are.</summary>
    public int IndexOf(string column, string option)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new TableException($"{Source}: {option} names column '{column}', which is not in the header ({string.Join(", ", Columns)}).");
    }
}
