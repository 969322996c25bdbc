namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// One table of the source contract: its name, its columns in order, and how a record becomes a row.
/// Row values are <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="bool"/>,
/// <see cref="DateTime"/> (UTC), <see cref="DateOnly"/> or null; each writer maps them to its own format (the text
/// formats through <see cref="SourceContract.Timestamp"/> and <see cref="SourceContract.Date"/>).
/// </summary>
internal sealed record SourceTable<T>(string Name, IReadOnlyList<string> Columns, Func<T, object?[]> Row)
{
    /// <summary>The parameterised INSERT for this table; names come from the contract, values are parameters.</summary>
    public string InsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
}
