namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Global importance from per-account explanations (SHAP values for trees, coefficient x standardised value for the
/// linear model): the mean absolute contribution of each column over the rows.
/// </summary>
internal static class ContributionImportance
{
    /// <summary>Per column, in column order: mean |contribution| over the rows (standard deviation 0).</summary>
    /// <param name="columnNames">One name per column.</param>
    /// <param name="rowContributions">One contribution vector per row, each with one value per column.</param>
    public static IReadOnlyList<ColumnImportance> MeanAbsoluteContribution(
        IReadOnlyList<string> columnNames,
        IReadOnlyList<IReadOnlyList<double>> rowContributions)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(rowContributions);
        if (rowContributions.Count == 0)
        {
            throw new ArgumentException("No rows of contributions.", nameof(rowContributions));
        }

        var sums = new double[columnNames.Count];
        for (var r = 0; r < rowContributions.Count; r++)
        {
            var row = rowContributions[r];
            if (row is null || row.Count != columnNames.Count)
            {
                throw new ArgumentException($"Row {r} does not have {columnNames.Count} contributions.", nameof(rowContributions));
            }

            for (var c = 0; c < sums.Length; c++)
            {
                sums[c] += Math.Abs(row[c]);
            }
        }

        return columnNames.Select((name, c) => new ColumnImportance(name, sums[c] / rowContributions.Count, 0)).ToArray();
    }
}
