using System.Data.Common;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Inserts many records with one prepared, parameterised command reused for every row inside the caller's
/// transaction. Dapper's list execution does the same per row but re-binds by reflection; this is the store's hot
/// path for usage aggregates, so it binds directly.
/// </summary>
internal static class BulkInsert
{
    /// <param name="connection">Open store connection.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="table">Store table; a constant of the code, never input.</param>
    /// <param name="columns">Columns and how to read them.</param>
    /// <param name="rows">Rows, enumerated once.</param>
    /// <param name="cancellationToken">Cancels between rows; the caller's transaction then rolls back.</param>
    /// <param name="keyColumns">When given, a row whose key exists replaces the stored one (upsert).</param>
    public static async Task<long> WriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? keyColumns = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        if (keyColumns is { Count: > 0 })
        {
            var updates = columns.Select(c => c.Name).Where(c => !keyColumns.Contains(c, StringComparer.Ordinal)).Select(c => $"{c} = excluded.{c}").ToList();
            command.CommandText += $" ON CONFLICT ({string.Join(", ", keyColumns)}) DO " + (updates.Count == 0 ? "NOTHING" : "UPDATE SET " + string.Join(", ", updates));
        }

        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameters[i]);
        }

        var count = 0L;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            if (count == 0)
            {
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
