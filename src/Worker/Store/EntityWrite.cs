using System.Data.Common;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// One run's rows of one entity, and what must commit with them. Everything in it lands in one transaction:
/// the rows, the watermark (freshness) and whatever <see cref="AfterRows"/> writes (quarantined rows, the hashes
/// of imported CSV files), so a crash at any moment leaves either all of it or none.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="StoreTable">The store table (from <c>SourceEntityInfo</c>, never from input).</param>
/// <param name="Columns">Column mapping.</param>
/// <param name="KeyColumns">The table's key, for <see cref="WriteMode.Upsert"/>.</param>
/// <param name="Rows">The rows, streamed: they are enumerated once, inside the transaction.</param>
/// <param name="Mode">Replace the entity or upsert into it.</param>
/// <param name="AfterRows">
/// Runs in the same transaction after the rows, with the number of rows written; returns the freshness row to store,
/// or null to refuse the write: the transaction rolls back and the store keeps what it had.
/// </param>
internal sealed record EntityWrite<T>(
    string StoreTable,
    IReadOnlyList<StoreColumn<T>> Columns,
    IReadOnlyList<string> KeyColumns,
    IEnumerable<T> Rows,
    WriteMode Mode,
    Func<long, DbConnection, DbTransaction, CancellationToken, Task<SourceFreshness?>> AfterRows);
