using System.Data.Common;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Writes many records inside the caller's transaction, the fastest way the store's provider allows (see
/// <see cref="StoreDialect.BulkWriteAsync"/>): on SQLite one prepared INSERT reused per row, on PostgreSQL COPY or
/// multi-row upserts, on SQL Server multi-row INSERT or MERGE batches.
/// </summary>
internal static class BulkInsert
{
    /// <param name="connection">Open store connection; its type selects the dialect.</param>
    /// <param name="transaction">The caller's transaction.</param>
    /// <param name="table">Store table; a constant of the code, never input.</param>
    /// <param name="columns">Columns and how to read them.</param>
    /// <param name="rows">Rows, enumerated once.</param>
    /// <param name="cancellationToken">Cancels between rows; the caller's transaction then rolls back.</param>
    /// <param name="keyColumns">When given, a row whose key exists replaces the stored one (upsert).</param>
    public static Task<long> WriteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<StoreColumn<T>> columns,
        IEnumerable<T> rows,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? keyColumns = null) =>
        StoreDialect.For(connection).BulkWriteAsync(connection, transaction, table, columns, rows, keyColumns, cancellationToken);
}
