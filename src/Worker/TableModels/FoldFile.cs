using System.Globalization;
using ChurnWatch.Analytics.Modeling.Tables;

namespace ChurnWatch.Worker.TableModels;

/// <summary>
/// Reads a fold assignment written by another tool (bench/accuracy.sh writes one for ChurnWatch, XGBoost and
/// scikit-learn alike): a CSV with a <c>fold</c> column, one row per table row in the table's order.
/// </summary>
internal static class FoldFile
{
    public const string Column = "fold";

    public static int[] Read(string path, int tableRows)
    {
        var table = AccountTableCsv.Read(path);
        var column = table.IndexOf(Column, "the fold file");
        if (table.Rows.Count != tableRows)
        {
            throw new TableException($"{table.Source}: {table.Rows.Count} fold numbers for a table of {tableRows} rows.");
        }

        var folds = new int[tableRows];
        for (var r = 0; r < tableRows; r++)
        {
            var cell = table.Rows[r][column];
            folds[r] = int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var fold)
                ? fold
                : throw new TableException($"{table.Source}: row {r + 2}: '{cell}' is not a fold number (0, 1, 2, ...).");
        }

        var count = folds.Max() + 1;
        var empty = Enumerable.Range(0, count).Where(k => !folds.Contains(k)).ToList();
        return empty.Count > 0 || count < 2
            ? throw new TableException($"{table.Source}: folds must be numbered 0 to k-1 with k >= 2, each with at least one row; found {count} numbers, empty: {string.Join(", ", empty)}.")
            : folds;
    }
}
