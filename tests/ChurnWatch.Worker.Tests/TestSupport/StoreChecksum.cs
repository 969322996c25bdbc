using System.Security.Cryptography;
using System.Text;
using ChurnWatch.Worker.Store;
using Dapper;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>Row counts and a SHA-256 of every row of the store's data tables, in key order: equal checksums, equal stores.</summary>
internal static class StoreChecksum
{
    private static readonly string[] DataTables =
        ["accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts", "scores", "predictor_snapshots", "signals", "models"];

    /// <summary>A SHA-256 of a query's rows, in the order the query gives.</summary>
    public static async Task<string> OfQueryAsync(StoreDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var text = new StringBuilder();
        foreach (IDictionary<string, object?> row in await connection.QueryAsync(sql))
        {
            text.AppendJoin('|', row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static async Task<string> OfDataAsync(StoreDatabase database, IEnumerable<string>? tables = null)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var text = new StringBuilder();
        foreach (var table in tables ?? DataTables)
        {
            var rows = (await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1, 2, 3")).ToList();
            text.Append(table).Append(':').Append(rows.Count).Append('\n');
            foreach (IDictionary<string, object?> row in rows)
            {
                text.AppendJoin('|', row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// What one run of the ingest -> score -> signals chain leaves in the store, without what differs by nature
    /// (when it ran: trained_at, last_ingest_at; generated ids), by table.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfChainOutputsAsync(StoreDatabase database)
    {
        var checksums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { "accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts", "scores", "predictor_snapshots" })
        {
            checksums[table] = await OfDataAsync(database, [table]);
        }

        checksums["models"] = await OfQueryAsync(database, "SELECT model_id, target, learner, data_as_of, backtest, model FROM models ORDER BY model_id");
        checksums["signals"] = await OfQueryAsync(database,
            "SELECT account_id, owner_email, kind, severity, evidence, arr_at_stake, first_seen, last_seen, state, resolved_at FROM signals ORDER BY account_id, kind, first_seen");
        checksums["source_freshness"] = await OfQueryAsync(database, "SELECT entity, provided, row_count, newest_data_at FROM source_freshness ORDER BY entity");
        return checksums;
    }
}
