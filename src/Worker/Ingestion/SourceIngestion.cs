using System.Data;
using System.Data.Common;
using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion.Rows;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// Copies the company's data from its source into the store, one entity at a time. Each entity is read with one
/// streaming SELECT and replaces the store's copy in one transaction, so re-running an ingest, or running it after
/// a crash, ends in the same state as one clean run.
/// </summary>
internal sealed class SourceIngestion(IOptions<SourceOptions> options, HistoryStore store, TimeProvider timeProvider)
{
    private readonly SourceOptions _options = options.Value;

    public async Task<IngestionSummary> RunAsync(IProgress<SourceEntity>? progress, CancellationToken cancellationToken)
    {
        await using var source = await OpenSourceAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entity in Enum.GetValues<SourceEntity>())
        {
            progress?.Report(entity);
            await IngestAsync(source, entity, cancellationToken).ConfigureAwait(false);
        }

        return new IngestionSummary(await store.FreshnessAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<DbConnection> OpenSourceAsync(CancellationToken cancellationToken)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(_options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new SourceDataException($"Source:ConnectionString is not a valid SQLite connection string: {e.Message}", e);
        }

        // Read-only: ChurnWatch never writes to a company's database, and must not create an empty one by mistake.
        if (!File.Exists(builder.DataSource))
        {
            throw new SourceDataException($"The source database file '{builder.DataSource}' (Source:ConnectionString) does not exist.");
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task IngestAsync(DbConnection source, SourceEntity entity, CancellationToken cancellationToken)
    {
        var table = SourceEntityInfo.SourceTable(entity);
        var exists = await source.ExecuteScalarAsync<long>(new CommandDefinition(
            SqliteSourceQueries.TableExists, new { name = table }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var storeTable = SourceEntityInfo.StoreTable(entity);
        if (!exists)
        {
            if (!SourceEntityInfo.IsOptional(entity))
            {
                throw new SourceDataException($"The source has no table '{table}', which ChurnWatch requires (see docs/source-contract.md).");
            }

            await store.MarkNotProvidedAsync(storeTable, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var sql = SqliteSourceQueries.For(entity);
        _ = entity switch
        {
            SourceEntity.Accounts => await CopyAsync<AccountRow, Account>(source, table, sql, storeTable, HistoryColumns.Accounts, r => r.ToRecord(), a => a.CreatedAt, now, cancellationToken).ConfigureAwait(false),
            SourceEntity.Subscriptions => await CopyAsync<SubscriptionRow, Subscription>(source, table, sql, storeTable, HistoryColumns.Subscriptions, r => r.ToRecord(), s => Later(s.StartedAt, s.EndedAt), now, cancellationToken).ConfigureAwait(false),
            // A usage day covers the whole day: the data is complete up to the next midnight.
            SourceEntity.UsageDaily => await CopyAsync<UsageDayRow, FeatureUsageDay>(source, table, sql, storeTable, HistoryColumns.UsageDaily, r => r.ToRecord(), u => u.Day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now, cancellationToken).ConfigureAwait(false),
            SourceEntity.UsageWeekly => await CopyAsync<UsageWeekRow, UsageWeek>(source, table, sql, storeTable, HistoryColumns.UsageWeekly, r => r.ToRecord(), _ => null, now, cancellationToken).ConfigureAwait(false),
            SourceEntity.Tickets => await CopyAsync<TicketRow, Ticket>(source, table, sql, storeTable, HistoryColumns.Tickets, r => r.ToRecord(), t => Later(t.OpenedAt, t.ResolvedAt), now, cancellationToken).ConfigureAwait(false),
            SourceEntity.Invoices => await CopyAsync<InvoiceRow, Invoice>(source, table, sql, storeTable, HistoryColumns.Invoices, r => r.ToRecord(), i => Later(i.IssuedAt, i.PaidAt), now, cancellationToken).ConfigureAwait(false),
            SourceEntity.PaymentAttempts => await CopyAsync<PaymentAttemptRow, PaymentAttempt>(source, table, sql, storeTable, HistoryColumns.PaymentAttempts, r => r.ToRecord(), p => p.AttemptedAt, now, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
        };
    }

    private async Task<long> CopyAsync<TRow, TRecord>(
        DbConnection source,
        string sourceTable,
        string sql,
        string storeTable,
        IReadOnlyList<StoreColumn<TRecord>> columns,
        Func<TRow, TRecord> toRecord,
        Func<TRecord, DateTime?> timestamp,
        DateTime now,
        CancellationToken cancellationToken)
    {
        DateTime? newest = null;
        IEnumerable<TRecord> Records()
        {
            // Unbuffered: rows stream from the source straight into the store's batch insert.
            using var rows = source.Query<TRow>(new CommandDefinition(sql, flags: CommandFlags.None, cancellationToken: cancellationToken)).GetEnumerator();
            while (NextSourceRow(rows, sourceTable))
            {
                var record = toRecord(rows.Current);
                if (timestamp(record) is { } t && (newest is null || t > newest))
                {
                    newest = t;
                }

                yield return record;
            }
        }

        return await store.WriteAsync(new EntityWrite<TRecord>(storeTable, columns, HistoryColumns.KeyOf(storeTable), Records(), WriteMode.Replace, (count, _, _, _) => Task.FromResult(new SourceFreshness(storeTable, true, count, newest, now))), cancellationToken).ConfigureAwait(false);
    }

    // Only failures of the source's own reading are the source's fault; store failures keep their own message.
    private static bool NextSourceRow<TRow>(IEnumerator<TRow> rows, string sourceTable)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is DbException or DataException or InvalidCastException or FormatException)
        {
            // A missing column or a column of the wrong type: name the table and say what the contract expects.
            throw new SourceDataException($"Reading '{sourceTable}' from the source failed: {e.Message} Check the table against docs/source-contract.md.", e);
        }
    }

    private static DateTime Later(DateTime first, DateTime? second) => second is { } s && s > first ? s : first;
}
