using System.Data.Common;
using System.Globalization;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The servers' bulk write: many rows per statement (a round trip to a server costs far more than to SQLite), as
/// many as the server's parameter limit allows. One full-size command is built once and reused for every full batch.
/// </summary>
internal static class ValuesBatch
{
    /// <param name="statementFor">The statement for a number of rows; parameter n of the batch is <c>@p{n}</c>, row by row.</param>
    public static async Task<long> WriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        IReadOnlyList<string>? keyColumns,
        int maxParameters,
        int maxRows,
        Func<int, string> statementFor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(statementFor);
        if (columns.Count == 0)
        {
            // Clearing an entity (a replace with nothing to write) passes no columns and no rows.
            return rows.Any() ? throw new ArgumentException("Rows need columns.", nameof(columns)) : 0;
        }

        var rowsPerBatch = Math.Clamp(maxParameters / columns.Count, 1, maxRows);
        var keyIndexes = keyColumns is { Count: > 0 }
            ? keyColumns.Select(k => columns.Select(c => c.Name).ToList().IndexOf(k) is var i and >= 0 ? i : throw new ArgumentException($"Key column {k} is not written.", nameof(keyColumns))).ToArray()
            : null;
        var batch = new List<object[]>(rowsPerBatch);
        var keysInBatch = new HashSet<string>(StringComparer.Ordinal);
        DbCommand? full = null;
        var count = 0L;
        try
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = new object[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    values[i] = columns[i].Value(row) ?? DBNull.Value;
                }

                // Both servers refuse one statement that touches the same key twice: flush first, so the later row wins.
                if (keyIndexes is not null && !keysInBatch.Add(string.Join('\u001f', keyIndexes.Select(i => Convert.ToString(values[i], CultureInfo.InvariantCulture)))))
                {
                    count += await ExecuteAsync(connection, transaction, statementFor(batch.Count), batch, cancellationToken).ConfigureAwait(false);
                    keysInBatch.Clear();
                    keysInBatch.Add(string.Join('\u001f', keyIndexes.Select(i => Convert.ToString(values[i], CultureInfo.InvariantCulture))));
                }

                batch.Add(values);
                if (batch.Count == rowsPerBatch)
                {
                    full ??= Create(connection, transaction, statementFor(rowsPerBatch), rowsPerBatch * columns.Count);
                    count += await ExecuteAsync(full, batch, cancellationToken).ConfigureAwait(false);
                    keysInBatch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                count += await ExecuteAsync(connection, transaction, statementFor(batch.Count), batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }

        return count;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, List<object[]> batch, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, transaction, sql, batch.Count * batch[0].Length);
        return await ExecuteAsync(command, batch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(DbCommand command, List<object[]> batch, CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var values in batch)
        {
            foreach (var value in values)
            {
                command.Parameters[n++].Value = value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var written = batch.Count;
        batch.Clear();
        return written;
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
