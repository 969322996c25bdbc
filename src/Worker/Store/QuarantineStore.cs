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

    /// <summary>Rows quarantined by runs that started at or after <paramref name="since"/>, in the order they were refused.</summary>
    public static async Task<IReadOnlyList<QuarantinedRow>> ReadSinceAsync(StoreDatabase database, DateTime since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Dapper.SqlMapper.QueryAsync<QuarantinedRow>(connection, new Dapper.CommandDefinition(
            """
            SELECT entity AS Entity, source AS Source, location AS Location, column_name AS "Column", value AS Value, reason AS Reason
            FROM quarantine WHERE run_started_at >= @since ORDER BY quarantine_id
            """,
            new { since = StoreText.Instant(since) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    public static Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, DateTime runStartedAt, IEnumerable<QuarantinedRow> rows, CancellationToken cancellationToken) =>
        BulkInsert.WriteAsync(connection, transaction, "quarantine", Columns, rows.Select(r => (runStartedAt, r)), cancellationToken);
}
