using System.Data.Common;

namespace ChurnWatch.Worker.Store;

/// <summary>Writes refused rows into the store's quarantine table, inside the caller's ingest transaction.</summary>
internal static class QuarantineStore
{
    private static readonly StoreColumn<(DateTime RunStartedAt, QuarantinedRow Row)>[] Columns =
    [
        new("run_started_at", q => StoreText.Instant(q.RunStartedAt)), new("entity", q => q.Row.Entity), new("source", q => q.Row.Source),
        new("location", q => q.Row.Location), new("column_name", q => q.Row.Column), new("value", q => q.Row.Value), new("reason", q => q.Row.Reason),
    ];

    public static Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, DateTime runStartedAt, IEnumerable<QuarantinedRow> rows, CancellationToken cancellationToken) =>
        BulkInsert.WriteAsync(connection, transaction, "quarantine", Columns, rows.Select(r => (runStartedAt, r)), cancellationToken);
}
