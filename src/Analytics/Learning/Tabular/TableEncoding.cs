using ChurnWatch.Analytics.Modeling;
using System.Globalization;

namespace ChurnWatch.Analytics.Learning.Tabular;

/// <summary>
/// How a table's text cells become a <see cref="FeatureMatrix"/>: a column whose every non-empty cell is an
/// invariant-culture number stays numeric (empty = missing); any other column is categorical, one 0/1 column per
/// frequent level plus one for the rest. Fitted on training data and stored with the model, so scoring a new file
/// encodes it exactly the same way.
/// </summary>
public sealed record TableEncoding(IReadOnlyList<EncodedColumn> Columns)
{
    /// <summary>Levels kept per text column; rarer ones share <see cref="EncodedColumn.Other"/>.</summary>
    public const int MaxCategories = 20;

    public static TableEncoding Fit(AccountTable table, IReadOnlyCollection<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<EncodedColumn>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var name = table.Columns[c];
            if (exclude.Contains(name))
            {
                continue;
            }

            var cells = table.Rows.Select(r => r[c]).ToList();
            if (cells.All(v => v.Length == 0 || IsNumber(v)))
            {
                columns.Add(new EncodedColumn(name, null));
                continue;
            }

            var levels = cells.Select(Level).GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            columns.AddRange(levels.Take(MaxCategories).Select(level => new EncodedColumn(name, level)));
            if (levels.Count > MaxCategories)
            {
                columns.Add(new EncodedColumn(name, EncodedColumn.Other));
            }
        }

        if (columns.Count == 0)
        {
            throw new TableException($"{table.Source}: no columns are left to learn from once the label and id columns are set aside.");
        }

        return new TableEncoding(columns);
    }

    public FeatureMatrix Encode(AccountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sources = Columns.Select(c => table.IndexOf(c.Source, "the model")).ToArray();
        var kept = Columns.Where(c => c.Category is not null).GroupBy(c => c.Source)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Category!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var values = new double[table.Rows.Count * Columns.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < Columns.Count; c++)
            {
                var column = Columns[c];
                var cell = row[sources[c]];
                values[(r * Columns.Count) + c] = column.Category is null
                    ? Number(table, r, column.Source, cell)
                    : Matches(column.Category, Level(cell), kept[column.Source]) ? 1 : 0;
            }
        }

        return new FeatureMatrix(Columns.Select(c => c.Name).ToList(), values);
    }

    private static bool Matches(string category, string level, HashSet<string> kept) =>
        category == EncodedColumn.Other ? !kept.Contains(level) : string.Equals(category, level, StringComparison.Ordinal);

    private static string Level(string cell) => cell.Length == 0 ? EncodedColumn.Empty : cell;

    private static bool IsNumber(string cell) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double Number(AccountTable table, int row, string column, string cell)
    {
        if (cell.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new TableException($"{table.Source}: row {row + 2}, column '{column}': '{cell}' is not a number (invariant culture, e.g. 1234.5), but the model was trained with this column as numeric.");
    }
}
