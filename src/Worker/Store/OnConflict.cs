namespace ChurnWatch.Worker.Store;

/// <summary>
/// <c>INSERT ... ON CONFLICT (keys) DO UPDATE SET column = excluded.column</c>, the upsert SQLite and PostgreSQL
/// share word for word.
/// </summary>
internal static class OnConflict
{
    /// <summary>An INSERT of one or more rows of parameter names, with the upsert clause when keys are given.</summary>
    public static string Insert(StoreDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? keyColumns)
    {
        var sql = $"INSERT INTO {dialect.Quote(table)} ({string.Join(", ", columns.Select(dialect.Quote))}) VALUES "
            + string.Join(", ", rows.Select(r => "(" + string.Join(", ", r) + ")"));
        return keyColumns is { Count: > 0 }
            ? sql + Clause(dialect, keyColumns, columns.Where(c => !keyColumns.Contains(c, StringComparer.Ordinal)).ToList())
            : sql;
    }

    public static string Upsert(StoreDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns) =>
        $"INSERT INTO {dialect.Quote(table)} ({string.Join(", ", columns.Select(dialect.Quote))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})"
        + Clause(dialect, keyColumns, updateColumns);

    private static string Clause(StoreDialect dialect, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns) =>
        $" ON CONFLICT ({string.Join(", ", keyColumns.Select(dialect.Quote))}) DO "
        + (updateColumns.Count == 0 ? "NOTHING" : "UPDATE SET " + string.Join(", ", updateColumns.Select(c => $"{dialect.Quote(c)} = excluded.{dialect.Quote(c)}")));
}
