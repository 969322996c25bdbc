using System.Globalization;
using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// One column of an account table that a table model reads: a number (empty = missing), or text, one-hot encoded by
/// ML.NET over the levels kept here (the most frequent ones); any other level, unseen or empty, is "(other)": the
/// all-zero vector.
/// </summary>
/// <param name="Name">The column's header name.</param>
/// <param name="Levels">Null for a numeric column; else the kept levels, most frequent first.</param>
public sealed record TableColumn(string Name, IReadOnlyList<string>? Levels)
{
    /// <summary>Levels kept per text column; rarer ones count as <see cref="Other"/>.</summary>
    public const int MaxLevels = 20;

    /// <summary>What every level outside the kept ones is called.</summary>
    public const string Other = "(other)";

    /// <summary>
    /// Names of the columns ML.NET's pipeline adds (label, group, fold and row of the input, the prepared vector, the
    /// scores); the transforms name their intermediate columns with '#'. A model column of such a name would hide one.
    /// </summary>
    private static readonly string[] Reserved = ["Label", "Group", "Fold", "Row", "Features", "Values", "Score", "Probability", "PredictedLabel"];

    [JsonIgnore]
    public bool IsText => Levels is not null;

    /// <summary>
    /// The columns to learn from, in the table's order, leaving out <paramref name="exclude"/>: a column whose every
    /// non-empty cell is an invariant-culture number is numeric; any other is text, keeping its
    /// <see cref="MaxLevels"/> most frequent non-empty levels (ties by name, so the choice is reproducible).
    /// </summary>
    public static IReadOnlyList<TableColumn> Fit(AccountTable table, IReadOnlyCollection<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(exclude);
        var columns = new List<TableColumn>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var name = table.Columns[c];
            if (exclude.Contains(name))
            {
                continue;
            }

            if (Reserved.Contains(name) || name.Contains('#', StringComparison.Ordinal))
            {
                throw new TableException($"{table.Source}: column '{name}' has a name the ML.NET model uses for its own columns ({string.Join(", ", Reserved)}, or any name with '#'); rename it, or leave it out with --ignore.");
            }

            var cells = table.Rows.Select(r => r[c]).Where(v => v.Length > 0).ToList();
            if (cells.All(IsNumber))
            {
                columns.Add(new TableColumn(name, null));
                continue;
            }

            var levels = cells.GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(MaxLevels).ToList();
            columns.Add(new TableColumn(name, levels));
        }

        return columns.Count == 0
            ? throw new TableException($"{table.Source}: no columns are left to learn from once the label and id columns are set aside.")
            : columns;
    }

    internal static bool IsNumber(string cell) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
