using System.Data.Common;
using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Rows;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>The ingested company data in the store: replaced per entity atomically, loaded as a <see cref="CompanyHistory"/>.</summary>
internal sealed class HistoryStore(StoreDatabase database)
{
    // The store's own SELECTs, one text for every provider. "plan" is quoted because PLAN is reserved in T-SQL;
    // double quotes quote on SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on for every SqlClient session).
    private static readonly string[] FreshnessColumns = ["entity", "provided", "row_count", "newest_data_at", "last_ingest_at"];

    private const string LoadAccounts =
        "SELECT account_id AS AccountId, name AS Name, owner_email AS OwnerEmail, segment AS Segment, region AS Region, created_at AS CreatedAt, seats_licensed AS SeatsLicensed FROM accounts ORDER BY account_id";

    private const string LoadSubscriptions =
        "SELECT subscription_id AS SubscriptionId, account_id AS AccountId, \"plan\" AS \"Plan\", mrr AS Mrr, currency AS Currency, billing_period_months AS BillingPeriodMonths, started_at AS StartedAt, ended_at AS EndedAt, renewal_date AS RenewalDate, auto_renew AS AutoRenew, seats AS Seats FROM subscriptions ORDER BY subscription_id";

    private const string LoadTickets =
        "SELECT ticket_id AS TicketId, account_id AS AccountId, opened_at AS OpenedAt, resolved_at AS ResolvedAt, priority AS Priority, tier AS Tier, sla_breached AS SlaBreached, csat AS Csat FROM tickets ORDER BY ticket_id";

    private const string LoadInvoices =
        "SELECT invoice_id AS InvoiceId, account_id AS AccountId, issued_at AS IssuedAt, due_at AS DueAt, paid_at AS PaidAt, amount AS Amount, currency AS Currency, status AS Status FROM invoices ORDER BY invoice_id";

    private const string LoadPaymentAttempts =
        "SELECT account_id AS AccountId, invoice_id AS InvoiceId, attempted_at AS AttemptedAt, succeeded AS Succeeded, failure_reason AS FailureReason FROM payment_attempts ORDER BY invoice_id, attempted_at";

    /// <summary>
    /// Writes one run's rows of one entity, then whatever must commit with them, in a single transaction: readers see
    /// the old data or the new, never a mix, and a failed or killed ingest leaves the previous data in place.
    /// </summary>
    /// <returns>The rows written, or null when <see cref="EntityWrite{T}.AfterRows"/> refused them (nothing changed).</returns>
    public async Task<long?> WriteAsync<T>(EntityWrite<T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (write.Mode == WriteMode.Replace)
        {
            // StoreTable comes from SourceEntityInfo, never from input.
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {write.StoreTable}", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var keys = write.Mode == WriteMode.Upsert ? write.KeyColumns : null;
        var count = await BulkInsert.WriteAsync(connection, transaction, write.StoreTable, write.Columns, write.Rows, cancellationToken, keys).ConfigureAwait(false);
        if (await write.AfterRows(count, connection, transaction, cancellationToken).ConfigureAwait(false) is not { } freshness)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        await WriteFreshnessAsync(connection, transaction, freshness, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Records that an optional entity is not provided, removing rows a previous source had.</summary>
    public Task MarkNotProvidedAsync(string storeTable, DateTime now, CancellationToken cancellationToken) =>
        WriteAsync(
            new EntityWrite<object>(storeTable, [], [], [], WriteMode.Replace, (_, _, _, _) => Task.FromResult<SourceFreshness?>(new SourceFreshness(storeTable, false, 0, null, now))),
            cancellationToken);

    /// <summary>Records refused rows on their own, for an entity whose write was refused whole.</summary>
    public async Task QuarantineAsync(DateTime runAt, IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await QuarantineStore.WriteAsync(connection, transaction, runAt, rows, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored keys of an entity with a one-column key: the account ids rows of other entities must refer to, and the
    /// keys of the entities read whole (accounts, subscriptions).
    /// </summary>
    public async Task<IReadOnlySet<string>> KeysAsync(string storeTable, CancellationToken cancellationToken)
    {
        // storeTable comes from SourceEntityInfo and its key from HistoryColumns, never from input.
        var key = HistoryColumns.KeyOf(storeTable) is [var column] ? column : throw new ArgumentException($"{storeTable} has no one-column key.", nameof(storeTable));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<string>(new CommandDefinition($"SELECT {key} FROM {storeTable}", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<SourceFreshness>> FreshnessAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Entity, long Provided, long RowCount, string? NewestDataAt, string LastIngestAt)>(new CommandDefinition(
            "SELECT entity, provided, row_count, newest_data_at, last_ingest_at FROM source_freshness ORDER BY entity", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new SourceFreshness(r.Entity, r.Provided != 0, r.RowCount, StoreText.ParseInstantOrNull(r.NewestDataAt), StoreText.ParseInstant(r.LastIngestAt))).ToList();
    }


    /// <summary>Loads everything ingested. Optional entities the source did not provide come back as null.</summary>
    public async Task<CompanyHistory> LoadAsync(CancellationToken cancellationToken)
    {
        var freshness = (await FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity);
        if (!freshness.TryGetValue(SourceEntityInfo.StoreTable(SourceEntity.UsageDaily), out var usage) || usage.NewestDataAt is null)
        {
            throw new InvalidOperationException("The store holds no usage data yet: run an ingest first (churnwatch demo does).");
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        bool Provided(SourceEntity entity) => freshness.TryGetValue(SourceEntityInfo.StoreTable(entity), out var f) && f.Provided;

        var accounts = await QueryAsync<AccountRow, Account>(connection, LoadAccounts, r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var subscriptions = await QueryAsync<SubscriptionRow, Subscription>(connection, LoadSubscriptions, r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var days = await QueryAsync<UsageDayRow, FeatureUsageDay>(connection,
            "SELECT account_id AS AccountId, feature AS Feature, day AS Day, events AS Events, active_users AS ActiveUsers FROM usage_daily ORDER BY account_id, feature, day",
            r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var weeks = await QueryAsync<UsageWeekRow, UsageWeek>(connection,
            "SELECT account_id AS AccountId, feature AS Feature, week_start AS WeekStart, events AS Events, active_users AS ActiveUsers FROM usage_weekly ORDER BY account_id, feature, week_start",
            r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var tickets = Provided(SourceEntity.Tickets)
            ? await QueryAsync<TicketRow, Ticket>(connection, LoadTickets, r => r.ToRecord(), cancellationToken).ConfigureAwait(false)
            : null;
        var invoices = Provided(SourceEntity.Invoices)
            ? await QueryAsync<InvoiceRow, Invoice>(connection, LoadInvoices, r => r.ToRecord(), cancellationToken).ConfigureAwait(false)
            : null;
        var attempts = Provided(SourceEntity.PaymentAttempts)
            ? await QueryAsync<PaymentAttemptRow, PaymentAttempt>(connection, LoadPaymentAttempts, r => r.ToRecord(), cancellationToken).ConfigureAwait(false)
            : null;

        // Usage is the heartbeat of the data: the history is complete up to the end of the newest usage day.
        return new CompanyHistory(accounts, subscriptions, days, weeks, tickets, invoices, attempts, usage.NewestDataAt.Value);
    }

    private static Task<List<TRecord>> QueryAsync<TRow, TRecord>(DbConnection connection, string sql, Func<TRow, TRecord> toRecord, CancellationToken cancellationToken)
    {
        // Unbuffered: millions of usage rows become records one at a time instead of being held twice.
        var rows = connection.Query<TRow>(new CommandDefinition(sql, flags: CommandFlags.None, cancellationToken: cancellationToken));
        return Task.FromResult(rows.Select(toRecord).ToList());
    }

    private static Task<int> WriteFreshnessAsync(DbConnection connection, DbTransaction transaction, SourceFreshness freshness, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            StoreDialect.For(connection).Upsert("source_freshness", FreshnessColumns, ["entity"]),
            new
            {
                entity = freshness.Entity,
                provided = freshness.Provided ? 1 : 0,
                row_count = freshness.RowCount,
                newest_data_at = StoreText.Instant(freshness.NewestDataAt),
                last_ingest_at = StoreText.Instant(freshness.LastIngestAt),
            },
            transaction,
            cancellationToken: cancellationToken));
}
