using System.Data;
using System.Data.Common;
using System.Globalization;
using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion.Rows;
using ChurnWatch.Worker.Ingestion.Sources;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// Copies the company's data from its source database into the store, one entity at a time: one streaming SELECT per
/// entity (the default for the dialect, or the company's own from Source:Queries), every row checked, bad rows
/// quarantined, good rows and the entity's watermark committed in one transaction. A run reads what changed since
/// the watermark minus the re-read window; a full run, or the first, reads everything and replaces the stored copy.
/// Re-running, or running after a crash, ends in the same state as one clean run.
/// </summary>
internal sealed class SourceIngestion(
    IOptions<SourceOptions> options,
    IOptions<ValidationOptions> validation,
    HistoryStore store,
    TimeProvider timeProvider)
{
    private const int ProgressEvery = 10_000;
    private readonly SourceOptions _options = options.Value;

    public async Task<IngestionSummary> RunAsync(IngestRequest request, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = timeProvider.GetUtcNow().UtcDateTime;
        if (_options.Provider == SourceProvider.None)
        {
            return new IngestionSummary(startedAt, [], []);
        }

        var dialect = SourceDialect.For(_options.Provider);
        await using var source = await OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
        var run = new Run(dialect, source, request, startedAt, progress,
            (await store.FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity, StringComparer.Ordinal));
        var results = new List<EntityIngestResult>();
        var quarantined = new List<QuarantinedRow>();
        foreach (var entity in Enum.GetValues<SourceEntity>().Where(request.Includes))
        {
            var (result, refused) = await IngestAsync(run, entity, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            quarantined.AddRange(refused);
        }

        return new IngestionSummary(startedAt, results, quarantined);
    }

    private async Task<DbConnection> OpenAsync(SourceDialect dialect, CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = dialect.CreateConnection(_options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new Hosting.SettingsException($"Source:ConnectionString is not a valid {dialect.Provider} connection string: {e.Message}", e);
        }

        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new SourceDataException($"Cannot reach the source, {dialect.Describe(_options.ConnectionString)}: {e.Message}", e);
        }

        try
        {
            await dialect.VerifyAsync(connection, _options.ConnectionString, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private Task<(EntityIngestResult, IReadOnlyList<QuarantinedRow>)> IngestAsync(Run run, SourceEntity entity, CancellationToken cancellationToken) => entity switch
    {
        SourceEntity.Accounts => IngestAsync<AccountRow, Account>(run, entity, r => r.ToRecord(), EntityRuleBook.Accounts, HistoryColumns.Accounts, a => a.CreatedAt, cancellationToken),
        SourceEntity.Subscriptions => IngestAsync<SubscriptionRow, Subscription>(run, entity, r => r.ToRecord(), EntityRuleBook.Subscriptions, HistoryColumns.Subscriptions, s => Later(s.StartedAt, s.EndedAt), cancellationToken),
        // A usage day covers the whole day: the data is complete up to the next midnight.
        SourceEntity.UsageDaily => IngestAsync<UsageDayRow, FeatureUsageDay>(run, entity, r => r.ToRecord(), EntityRuleBook.UsageDays, HistoryColumns.UsageDaily, u => u.Day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken),
        SourceEntity.UsageWeekly => IngestAsync<UsageWeekRow, UsageWeek>(run, entity, r => r.ToRecord(), EntityRuleBook.UsageWeeks, HistoryColumns.UsageWeekly, _ => null, cancellationToken),
        SourceEntity.Tickets => IngestAsync<TicketRow, Ticket>(run, entity, r => r.ToRecord(), EntityRuleBook.Tickets, HistoryColumns.Tickets, t => Later(t.OpenedAt, t.ResolvedAt), cancellationToken),
        SourceEntity.Invoices => IngestAsync<InvoiceRow, Invoice>(run, entity, r => r.ToRecord(), EntityRuleBook.Invoices, HistoryColumns.Invoices, i => Later(i.IssuedAt, i.PaidAt), cancellationToken),
        SourceEntity.PaymentAttempts => IngestAsync<PaymentAttemptRow, PaymentAttempt>(run, entity, r => r.ToRecord(), EntityRuleBook.PaymentAttempts, HistoryColumns.PaymentAttempts, p => p.AttemptedAt, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
    };

    private async Task<(EntityIngestResult, IReadOnlyList<QuarantinedRow>)> IngestAsync<TRow, TRecord>(
        Run run,
        SourceEntity entity,
        Func<TRow, TRecord> toRecord,
        EntityRules<TRecord> rules,
        IReadOnlyList<StoreColumn<TRecord>> columns,
        Func<TRecord, DateTime?> timestampOf,
        CancellationToken cancellationToken)
        where TRow : ISourceRow
    {
        var started = timeProvider.GetTimestamp();
        var storeTable = SourceEntityInfo.StoreTable(entity);
        var table = SourceEntityInfo.SourceTable(entity);
        var custom = _options.Queries.GetValueOrDefault(storeTable);
        run.Freshness.TryGetValue(storeTable, out var own);
        if (custom is null && !await TableExistsAsync(run, table, cancellationToken).ConfigureAwait(false))
        {
            if (!SourceEntityInfo.IsOptional(entity))
            {
                throw new SourceDataException($"The source ({run.Dialect.Describe(_options.ConnectionString)}) has no table '{table}', which ChurnWatch requires (see docs/source-contract.md).");
            }

            // A table the source had before and lacks now is more often a mistake (a rename, a broken view, another
            // database) than a decision: its stored history stays until the user says it should go.
            if (own is { Provided: true } && !run.Request.ForgetMissing)
            {
                return (new EntityIngestResult(entity, false, null, 0, 0, timeProvider.GetElapsedTime(started), own.NewestDataAt,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{storeTable}: the source ({run.Dialect.Describe(_options.ConnectionString)}) has no table '{table}' any more, though an earlier ingest read it; the store keeps its {own.RowCount:N0} rows. " +
                        $"If the source no longer provides {table}, run 'churnwatch ingest --forget-missing' to remove them.")), []);
            }

            await store.MarkNotProvidedAsync(storeTable, run.StartedAt, cancellationToken).ConfigureAwait(false);
            return (new EntityIngestResult(entity, false, null, 0, 0, timeProvider.GetElapsedTime(started), null), []);
        }

        // Weekly usage is the same events as daily usage, cut differently: it follows the daily watermark, so a late
        // event re-reads both its day and its whole week. But only once weekly usage itself has been loaded: a run
        // killed between the two must not leave weekly usage to be read incrementally into an empty table.
        var previous = entity == SourceEntity.UsageWeekly && own is { Provided: true }
            ? run.Freshness.GetValueOrDefault(SourceEntityInfo.StoreTable(SourceEntity.UsageDaily))
            : own;
        var since = Since(entity, run.Request.Full, previous);
        var knownAccounts = entity == SourceEntity.Accounts ? null : await run.KnownAccountsAsync(store, cancellationToken).ConfigureAwait(false);
        // The default usage queries GROUP BY exactly the key (account, feature, day or week): keys are unique by
        // construction, so the duplicate check is left out for them. It would hold one key string per aggregate in
        // memory, several GB for tens of millions of rows, to find nothing. A company's own query keeps the check.
        if (custom is null && entity is SourceEntity.UsageDaily or SourceEntity.UsageWeekly)
        {
            rules = rules with { Key = null };
        }

        var validator = new RowValidator<TRecord>(rules, $"{table} ({run.Dialect.Describe(_options.ConnectionString)})", knownAccounts,
            run.StartedAt + validation.Value.FutureTolerance);
        // A full read recomputes the watermark from what is there now; an incremental one can only move it forward.
        DateTime? newest = entity == SourceEntity.UsageWeekly ? run.UsageWatermark : since is null ? null : previous?.NewestDataAt;

        IEnumerable<TRecord> Records()
        {
            var command = new CommandDefinition(
                custom ?? run.Dialect.DefaultQuery(entity),
                new { since = run.Dialect.SinceParameter(since ?? SourceDialect.Beginning) },
                commandTimeout: (int)_options.CommandTimeout.TotalSeconds,
                flags: CommandFlags.None, // unbuffered: rows stream from the source straight into the store's batch writes
                cancellationToken: cancellationToken);
            using var rows = run.Source.Query<TRow>(command).GetEnumerator();
            var read = 0L;
            while (NextSourceRow(rows, table, custom is not null, run.Dialect))
            {
                if (++read % ProgressEvery == 0)
                {
                    run.Progress?.Report(new IngestProgress(entity, read, Done: false));
                }

                var row = rows.Current;
                if (validator.Check(row, toRecord, static r => $"key {r.Key}") is not { } record)
                {
                    continue;
                }

                if (timestampOf(record) is { } t && (newest is null || t > newest))
                {
                    newest = t;
                }

                yield return record;
            }
        }

        var mode = since is null ? WriteMode.Replace : WriteMode.Upsert;
        // Accounts and subscriptions are replaced whole on every run: a stored row whose source row is now refused as
        // dated in the future would be deleted by a clock that runs behind, or by a source dated ahead of it.
        var storedKeys = mode == WriteMode.Replace && entity is SourceEntity.Accounts or SourceEntity.Subscriptions && own is { Provided: true }
            ? await store.KeysAsync(storeTable, cancellationToken).ConfigureAwait(false)
            : null;
        string? refusal = null;
        try
        {
            // Source rows are read and checked on a thread of their own while the store writes: the validator, newest
            // and the progress are only touched by that thread until the rows end, and read here only after.
            await store.WriteAsync(
                new EntityWrite<TRecord>(storeTable, columns, HistoryColumns.KeyOf(storeTable), ReadAhead.Of(Records()), mode, async (_, connection, transaction, ct) =>
                {
                    refusal = Refusal(storeTable, validator, storedKeys);
                    if (refusal is not null)
                    {
                        return null;
                    }

                    await QuarantineStore.WriteAsync(connection, transaction, run.StartedAt, validator.Quarantined, ct).ConfigureAwait(false);
                    var stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {storeTable}", transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
                    return new SourceFreshness(storeTable, true, stored, newest, run.StartedAt);
                }),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SourceDataException e)
        {
            // A column that cannot be read at all (a custom query's wrong type, a damaged file) refuses this entity
            // only: the others are still read, and the store keeps what it had of this one.
            refusal = $"{storeTable}: {e.Message}";
        }

        if (refusal is not null)
        {
            // The refused rows are still worth listing: they are what the user has to fix.
            await store.QuarantineAsync(run.StartedAt, validator.Quarantined, cancellationToken).ConfigureAwait(false);
            run.Progress?.Report(new IngestProgress(entity, validator.Accepted + validator.Rejected, Done: true));
            return (new EntityIngestResult(entity, true, since, validator.Accepted, validator.Rejected, timeProvider.GetElapsedTime(started), previous?.NewestDataAt, refusal), validator.Quarantined);
        }

        if (entity == SourceEntity.Accounts)
        {
            run.ForgetKnownAccounts();
        }
        else if (entity == SourceEntity.UsageDaily)
        {
            run.UsageWatermark = newest;
        }

        run.Progress?.Report(new IngestProgress(entity, validator.Accepted + validator.Rejected, Done: true));
        return (new EntityIngestResult(entity, true, since, validator.Accepted, validator.Rejected, timeProvider.GetElapsedTime(started), newest), validator.Quarantined);
    }

    /// <summary>Why an entity's checked rows must not be written, or null when they may.</summary>
    private string? Refusal<TRecord>(string storeTable, RowValidator<TRecord> validator, IReadOnlySet<string>? storedKeys)
    {
        if (storedKeys is not null && validator.FutureKeys.Where(storedKeys.Contains).ToList() is { Count: > 0 } known)
        {
            // Checked first: it names the cause, where the refused share would only name the symptom.
            return string.Create(CultureInfo.InvariantCulture,
                $"{storeTable}: {known.Count:N0} rows the store holds (first: {known[0]}) come from the source dated later than the clock allows ({StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime)} plus Ingest:FutureTolerance): " +
                $"the system clock is behind the source, or the source is dated in the future. The store keeps the {storeTable} it had; correct the clock or the source and run again.");
        }

        var max = validation.Value.MaxRejectedShare;
        if (validator.RejectedShare > max)
        {
            // So many bad rows usually mean a wrong mapping or a broken export, not bad data: keep the last good copy.
            return string.Create(CultureInfo.InvariantCulture,
                $"{storeTable}: {validator.Rejected:N0} of {validator.Accepted + validator.Rejected:N0} rows were refused ({validator.RejectedShare:P1}), more than Ingest:MaxRejectedShare ({max:P1}); the store keeps the {storeTable} it had.");
        }

        return null;
    }

    /// <summary>
    /// Where an incremental read starts: the watermark less the re-read window, on a day boundary for daily usage and
    /// a Monday for weekly usage, so every aggregate read back is whole. Null means a full read.
    /// </summary>
    private DateTime? Since(SourceEntity entity, bool full, SourceFreshness? previous)
    {
        if (full || previous is not { Provided: true, NewestDataAt: { } watermark } || entity is SourceEntity.Accounts or SourceEntity.Subscriptions)
        {
            return null;
        }

        var since = DateOnly.FromDateTime(watermark - _options.ReReadWindow);
        if (entity == SourceEntity.UsageWeekly)
        {
            since = since.AddDays(-(((int)since.DayOfWeek + 6) % 7));
        }

        return since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    private static async Task<bool> TableExistsAsync(Run run, string table, CancellationToken cancellationToken) =>
        await run.Source.ExecuteScalarAsync<long>(new CommandDefinition(run.Dialect.TableExists, new { name = table }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    // Only failures of the source's own reading are the source's fault; store failures keep their own message.
    private bool NextSourceRow<TRow>(IEnumerator<TRow> rows, string table, bool custom, SourceDialect dialect)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is DbException or DataException or InvalidCastException or FormatException)
        {
            var query = custom ? $"the query Source:Queries:{table}" : $"'{table}'";
            throw new SourceDataException($"Reading {query} from the source ({dialect.Describe(_options.ConnectionString)}) failed: {e.Message} Check it against docs/source-contract.md.", e);
        }
    }

    private static DateTime Later(DateTime first, DateTime? second) => second is { } s && s > first ? s : first;

    /// <summary>State shared by the entities of one run.</summary>
    private sealed class Run(SourceDialect dialect, DbConnection source, IngestRequest request, DateTime startedAt, IProgress<IngestProgress>? progress, Dictionary<string, SourceFreshness> freshness)
    {
        private IReadOnlySet<string>? _knownAccounts;

        public SourceDialect Dialect => dialect;

        public DbConnection Source => source;

        public IngestRequest Request => request;

        public DateTime StartedAt => startedAt;

        public IProgress<IngestProgress>? Progress => progress;

        public Dictionary<string, SourceFreshness> Freshness => freshness;

        /// <summary>The daily usage watermark after this run read it; weekly usage shares it.</summary>
        public DateTime? UsageWatermark { get; set; } = freshness.GetValueOrDefault("usage_daily")?.NewestDataAt;

        public async Task<IReadOnlySet<string>> KnownAccountsAsync(HistoryStore store, CancellationToken cancellationToken) =>
            _knownAccounts ??= await store.KeysAsync(SourceEntityInfo.StoreTable(SourceEntity.Accounts), cancellationToken).ConfigureAwait(false);

        public void ForgetKnownAccounts() => _knownAccounts = null;
    }
}
