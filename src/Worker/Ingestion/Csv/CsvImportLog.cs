using System.Data.Common;
using ChurnWatch.Worker.Store;
using Dapper;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>The store's <c>csv_imports</c>: the content hash of every imported drop file, written with the file's rows.</summary>
internal static class CsvImportLog
{
    public static async Task<bool> IsImportedAsync(DbConnection connection, string sha256, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM csv_imports WHERE content_sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    /// <summary>Records the file in the caller's transaction; a second import of the same content fails on the key and rolls back.</summary>
    public static Task<int> RecordAsync(
        DbConnection connection, DbTransaction transaction, CsvDropFile file, long rowCount, long rejectedCount, DateTime importedAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO csv_imports (content_sha256, entity, file_name, row_count, rejected_count, imported_at) VALUES (@Sha256, @Entity, @FileName, @RowCount, @RejectedCount, @ImportedAt)",
            new { file.Sha256, file.Entity, file.FileName, RowCount = rowCount, RejectedCount = rejectedCount, ImportedAt = StoreText.Instant(importedAt) },
            transaction,
            cancellationToken: cancellationToken));
}
