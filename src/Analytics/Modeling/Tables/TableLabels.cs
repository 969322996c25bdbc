namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>Reads the label column of an account table as 0/1, refusing anything that is not exactly two classes.</summary>
public static class TableLabels
{
    public static double[] Read(AccountTable table, string column, string positive)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = table.IndexOf(column, "--label");
        var labels = new double[table.Rows.Count];
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cell = table.Rows[r][index];
            if (cell.Length == 0)
            {
                throw new TableException($"{table.Source}: row {r + 2} has no value in the label column '{column}'.");
            }

            seen.Add(cell);
            labels[r] = string.Equals(cell, positive, StringComparison.Ordinal) ? 1 : 0;
        }

        if (seen.Count != 2 || !seen.Contains(positive))
        {
            throw new TableException(
                $"{table.Source}: the label column '{column}' must hold exactly two values, one of them the --positive value '{positive}'; it holds {seen.Count}: {string.Join(", ", seen.Take(10))}.");
        }

        return labels;
    }
}
