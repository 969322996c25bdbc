using System.Data.Common;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;
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
        var dataAsOf = DataAsOf(freshness);
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

        return new CompanyHistory(accounts, subscriptions, days, weeks, tickets, invoices, attempts, dataAsOf);
    }

    /// <summary>
    /// The facts every <see cref="CompanyShape"/> of the company is computed from (<see cref="ShapeFacts.At"/>: the whole
    /// history's, or as it was known at a cut, as <see cref="Analytics.Forecasting.HistoryCut"/> cuts it): daily event totals per
    /// feature (an aggregate query: thousands of rows, however many accounts), the weeks of weekly rows and the
    /// subscriptions' starts. No usage row is read into memory.
    /// </summary>
    public async Task<ShapeFacts> ShapeFactsAsync(CancellationToken cancellationToken)
    {
        var dataAsOf = await DataAsOfAsync(cancellationToken).ConfigureAwait(false);
        var all = new { all = UsageWeek.AllFeatures };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var days = await connection.QueryAsync<(string Feature, string Day, long Events)>(new CommandDefinition(
            "SELECT feature, day, CAST(SUM(CASE WHEN events > 0 THEN events ELSE 0 END) AS BIGINT) FROM usage_daily WHERE feature <> @all GROUP BY feature, day",
            all, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var weeks = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT week_start FROM usage_weekly WHERE feature = @all", all, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var starts = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT started_at FROM subscriptions", cancellationToken: cancellationToken)).ConfigureAwait(false);
        // Instants are ISO-8601 text in every dialect, so MIN is the earliest.
        var subscriptionSeats = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(started_at) FROM subscriptions WHERE seats > 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var accountSeats = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(created_at) FROM accounts WHERE seats_licensed > 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new ShapeFacts(
            days.Select(d => (d.Feature, StoreText.ParseDate(d.Day), d.Events)),
            weeks.Select(StoreText.ParseDate),
            starts.Select(StoreText.ParseInstant),
            ShapeFacts.FirstSeatsAt(
                subscriptionSeats is null ? [] : [StoreText.ParseInstant(subscriptionSeats)],
                accountSeats is null ? [] : [StoreText.ParseInstant(accountSeats)]),
            dataAsOf);
    }

    /// <summary>
    /// The stored accounts cut into batches of at most <paramref name="accountsPerBatch"/>, in the store's own order of
    /// identifiers, so "between the first and the last" selects exactly a batch's accounts on every provider.
    /// </summary>
    public async Task<IReadOnlyList<AccountBatch>> AccountBatchesAsync(int accountsPerBatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accountsPerBatch, 1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition("SELECT account_id FROM accounts ORDER BY account_id", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var batches = new List<AccountBatch>();
        for (var from = 0; from < ids.Count; from += accountsPerBatch)
        {
            var to = Math.Min(ids.Count, from + accountsPerBatch) - 1;
            batches.Add(new AccountBatch(batches.Count, ids[from], ids[to], to - from + 1));
        }

        return batches;
    }

    /// <summary>
    /// Accounts and subscriptions of every account (and, asked for, invoices), no usage, tickets or payments: what
    /// labels, the account book, the renewal book, the SaaS metrics and the training sample need, tens of megabytes
    /// even for 50,000 accounts.
    /// </summary>
    public async Task<CompanyHistory> LoadLedgerAsync(CancellationToken cancellationToken, bool withInvoices = false)
    {
        var freshness = (await FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity);
        var dataAsOf = DataAsOf(freshness);
        var invoicesProvided = freshness.TryGetValue(SourceEntityInfo.StoreTable(SourceEntity.Invoices), out var f) && f.Provided;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await QueryAsync<AccountRow, Account>(connection, LoadAccounts, r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var subscriptions = await QueryAsync<SubscriptionRow, Subscription>(connection, LoadSubscriptions, r => r.ToRecord(), cancellationToken).ConfigureAwait(false);
        var invoices = withInvoices && invoicesProvided
            ? await QueryAsync<InvoiceRow, Invoice>(connection, LoadInvoices, r => r.ToRecord(), cancellationToken).ConfigureAwait(false)
            : null;
        return new CompanyHistory(accounts, subscriptions, [], [], null, invoices, null, dataAsOf);
    }

    /// <summary>
    /// Everything stored about one batch of accounts, for <see cref="CompanyTimeline.Build(CompanyHistory, CompanyShape)"/>.
    /// Weekly usage is the all-features rows only (the timeline reads no other); the feature-usage export streams the
    /// per-feature weeks itself.
    /// </summary>
    public async Task<CompanyHistory> LoadBatchAsync(AccountBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var freshness = (await FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity);
        var dataAsOf = DataAsOf(freshness);
        bool Provided(SourceEntity entity) => freshness.TryGetValue(SourceEntityInfo.StoreTable(entity), out var f) && f.Provided;
        var range = new { first = batch.FirstAccountId, last = batch.LastAccountId, all = UsageWeek.AllFeatures };
        const string InRange = " WHERE account_id >= @first AND account_id <= @last";

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await QueryAsync<AccountRow, Account>(connection, InBatch(LoadAccounts, InRange), r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false);
        var subscriptions = await QueryAsync<SubscriptionRow, Subscription>(connection, InBatch(LoadSubscriptions, InRange), r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false);
        var names = new StringPool();
        var days = await QueryAsync<UsageDayRow, FeatureUsageDay>(connection,
            "SELECT account_id AS AccountId, feature AS Feature, day AS Day, events AS Events, active_users AS ActiveUsers FROM usage_daily" + InRange + " ORDER BY account_id, feature, day",
            r => names.Share(r).ToRecord(), cancellationToken, range).ConfigureAwait(false);
        var weeks = await QueryAsync<UsageWeekRow, UsageWeek>(connection,
            "SELECT account_id AS AccountId, feature AS Feature, week_start AS WeekStart, events AS Events, active_users AS ActiveUsers FROM usage_weekly" + InRange + " AND feature = @all ORDER BY account_id, week_start",
            r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false);
        var tickets = Provided(SourceEntity.Tickets)
            ? await QueryAsync<TicketRow, Ticket>(connection, InBatch(LoadTickets, InRange), r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false)
            : null;
        var invoices = Provided(SourceEntity.Invoices)
            ? await QueryAsync<InvoiceRow, Invoice>(connection, InBatch(LoadInvoices, InRange), r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false)
            : null;
        var attempts = Provided(SourceEntity.PaymentAttempts)
            ? await QueryAsync<PaymentAttemptRow, PaymentAttempt>(connection, InBatch(LoadPaymentAttempts, InRange), r => r.ToRecord(), cancellationToken, range).ConfigureAwait(false)
            : null;
        return new CompanyHistory(accounts, subscriptions, days, weeks, tickets, invoices, attempts, dataAsOf);
    }

    /// <summary>The features with weekly usage in weeks starting in [<paramref name="from"/>, <paramref name="to"/>), in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> FeaturesUsedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var features = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT feature FROM usage_weekly WHERE feature <> @all AND week_start >= @from AND week_start < @to",
            new { all = UsageWeek.AllFeatures, from = StoreText.Date(from), to = StoreText.Date(to) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. features.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The per-feature weekly usage of weeks starting in [<paramref name="from"/>, <paramref name="to"/>), by week, account
    /// and feature, read one row at a time while it is enumerated: the feature-usage export writes it without holding it.
    /// </summary>
    public IEnumerable<UsageWeek> FeatureWeeks(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // A synchronous iterator, because the CSV writer that consumes it is synchronous; the open is the only await.
        using var connection = database.OpenAsync(cancellationToken).GetAwaiter().GetResult();
        var rows = connection.Query<UsageWeekRow>(new CommandDefinition(
            "SELECT account_id AS AccountId, feature AS Feature, week_start AS WeekStart, events AS Events, active_users AS ActiveUsers FROM usage_weekly WHERE feature <> @all AND week_start >= @from AND week_start < @to ORDER BY week_start, account_id, feature",
            new { all = UsageWeek.AllFeatures, from = StoreText.Date(from), to = StoreText.Date(to) }, flags: CommandFlags.None, cancellationToken: cancellationToken));
        foreach (var row in rows)
        {
            yield return row.ToRecord();
        }
    }

    private async Task<DateTime> DataAsOfAsync(CancellationToken cancellationToken) =>
        DataAsOf((await FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity));

    private static DateTime DataAsOf(Dictionary<string, SourceFreshness> freshness)
    {
        if (!freshness.TryGetValue(SourceEntityInfo.StoreTable(SourceEntity.UsageDaily), out var usage) || usage.NewestDataAt is null)
        {
            throw new InvalidOperationException("The store holds no usage data yet: run an ingest first (churnwatch demo does).");
        }

        // Usage is the heartbeat of the data: the history is complete up to the end of the newest usage day.
        return usage.NewestDataAt.Value;
    }

    /// <summary>A whole-table load restricted to a batch: the range goes before its ORDER BY.</summary>
    private static string InBatch(string load, string range)
    {
        var orderBy = load.LastIndexOf(" ORDER BY ", StringComparison.Ordinal);
        return load[..orderBy] + range + load[orderBy..];
    }

    private static Task<List<TRecord>> QueryAsync<TRow, TRecord>(DbConnection connection, string sql, Func<TRow, TRecord> toRecord, CancellationToken cancellationToken, object? parameters = null)
    {
        // Unbuffered: millions of usage rows become records one at a time instead of being held twice.
        var rows = connection.Query<TRow>(new CommandDefinition(sql, parameters, flags: CommandFlags.None, cancellationToken: cancellationToken));
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
