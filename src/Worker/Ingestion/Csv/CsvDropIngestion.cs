using System.Data.Common;
using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// Imports the CSV files waiting in the drop folder (<see cref="CsvDropOptions"/>): entities in dependency order,
/// files in name order. Each file commits in one transaction with its good rows (upserted: a drop adds or updates,
/// never deletes), its quarantined rows, its content hash and the entity's freshness; only then is it moved to
/// <c>processed/</c>. A file whose hash is already recorded (imported before, or a crash between commit and move) is
/// only moved, so importing a file twice changes nothing. One run at a time imports a folder: another waits for its
/// lock (<see cref="CsvDropFolder.LockAsync"/>) and then finds the files gone to <c>processed/</c>.
/// </summary>
internal sealed class CsvDropIngestion(
    IOptions<CsvDropOptions> options,
    IOptions<ValidationOptions> validation,
    StoreDatabase database,
    HistoryStore store,
    TimeProvider timeProvider)
{
    private readonly CsvDropOptions _options = options.Value;
    private readonly ValidationOptions _validation = validation.Value;

    public async Task<CsvDropSummary> RunAsync(IProgress<CsvDropProgress>? progress, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return new CsvDropSummary([]);
        }

        // Checked at start too; a drop share that is unmounted later must not pass for one with nothing waiting.
        if (_options.FolderProblem() is { } problem)
        {
            throw new Hosting.SettingsException(problem);
        }

        var folder = new CsvDropFolder(_options.Folder);
        // Two imports of one folder would both read a file before either recorded it; the second waits instead.
        using var folderLock = await folder.LockAsync(_options.LockWait, timeProvider, () => progress?.Report(CsvDropProgress.OtherImportRunning), cancellationToken).ConfigureAwait(false);
        var parser = new CsvValueParser(_options);
        var run = new Run(timeProvider.GetUtcNow().UtcDateTime, parser, progress);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            run.StagedFrom = await UsageAggregateRefresh.PrunedBeforeAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var results = new List<CsvFileResult>();
        foreach (var entity in CsvDropColumns.Entities)
        {
            foreach (var path in folder.Waiting(entity))
            {
                var file = await CsvDropFolder.HashAsync(entity, path, cancellationToken).ConfigureAwait(false);
                progress?.Report(new CsvDropProgress(entity, file.FileName, 0));
                var result = await ImportAsync(file, run, cancellationToken).ConfigureAwait(false);
                // After the commit: a crash before this line leaves the file waiting, and the next run only moves it.
                folder.MoveToProcessed(file);
                results.Add(result);
            }
        }

        if (results.Any(r => r.Entity == CsvDropColumns.UsageEvents && !r.Skipped))
        {
            // After every file of the run, so files dropped together (a backfill in monthly files) are all recounted first.
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Against the data's own as of (its newest staged day), not today: a history loaded long after it ended
            // (a backfill of last year) stays open to later files for as long as a current feed would.
            if (await UsageAggregateRefresh.NewestStagedDayAsync(connection, transaction, cancellationToken).ConfigureAwait(false) is { } newest)
            {
                await UsageAggregateRefresh.PruneAsync(connection, transaction, _options.StagedUsageFrom(newest), cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CsvDropSummary(results);
    }

    private async Task<CsvFileResult> ImportAsync(CsvDropFile file, Run run, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await CsvImportLog.IsImportedAsync(connection, file.Sha256, cancellationToken).ConfigureAwait(false))
            {
                return new CsvFileResult(file.Entity, file.FileName, 0, 0, Skipped: true);
            }

            // Accounts of earlier files are committed by now, so stored accounts are the ones a reference may name.
            if (file.Entity != CsvDropColumns.Accounts && run.KnownAccounts is null)
            {
                var accounts = await connection.QueryAsync<string>(new CommandDefinition("SELECT account_id FROM accounts", cancellationToken: cancellationToken)).ConfigureAwait(false);
                run.KnownAccounts = accounts.ToHashSet(StringComparer.Ordinal);
            }
        }

        if (file.Entity == CsvDropColumns.Accounts)
        {
            // New accounts may follow; load them again before the next entity's first file.
            run.KnownAccounts = null;
        }

        try
        {
            return await ImportFileAsync(file, run, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The file's transaction rolled back. When its hash is recorded now, another run on this store (another
            // drop folder holding the same export, or a file system without locks) imported it first: skip it as imported.
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!await CsvImportLog.IsImportedAsync(connection, file.Sha256, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return new CsvFileResult(file.Entity, file.FileName, 0, 0, Skipped: true);
        }
    }

    private async Task<CsvFileResult> ImportFileAsync(CsvDropFile file, Run run, CancellationToken cancellationToken)
    {
        return file.Entity switch
        {
            CsvDropColumns.Accounts => await ImportRecordsAsync(file, run, EntityRuleBook.Accounts, HistoryColumns.Accounts, (r, p) => CsvRowMapper.Account(r, p).ToRecord(), a => a.CreatedAt, cancellationToken).ConfigureAwait(false),
            CsvDropColumns.Subscriptions => await ImportRecordsAsync(file, run, EntityRuleBook.Subscriptions, HistoryColumns.Subscriptions, (r, p) => CsvRowMapper.Subscription(r, p).ToRecord(), s => Later(s.StartedAt, s.EndedAt), cancellationToken).ConfigureAwait(false),
            CsvDropColumns.UsageEvents => await ImportUsageAsync(file, run, cancellationToken).ConfigureAwait(false),
            CsvDropColumns.Tickets => await ImportRecordsAsync(file, run, EntityRuleBook.Tickets, HistoryColumns.Tickets, (r, p) => CsvRowMapper.Ticket(r, p).ToRecord(), t => Later(t.OpenedAt, t.ResolvedAt), cancellationToken).ConfigureAwait(false),
            CsvDropColumns.Invoices => await ImportRecordsAsync(file, run, EntityRuleBook.Invoices, HistoryColumns.Invoices, (r, p) => CsvRowMapper.Invoice(r, p).ToRecord(), i => Later(i.IssuedAt, i.PaidAt), cancellationToken).ConfigureAwait(false),
            CsvDropColumns.PaymentAttempts => await ImportRecordsAsync(file, run, EntityRuleBook.PaymentAttempts, HistoryColumns.PaymentAttempts, (r, p) => CsvRowMapper.PaymentAttempt(r, p).ToRecord(), p => p.AttemptedAt, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Entity, "Not a CSV drop entity."),
        };
    }

    private async Task<CsvFileResult> ImportRecordsAsync<TRecord>(
        CsvDropFile file,
        Run run,
        EntityRules<TRecord> rules,
        IReadOnlyList<StoreColumn<TRecord>> columns,
        Func<CsvDropFileReader, CsvValueParser, TRecord> read,
        Func<TRecord, DateTime?> timestamp,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var validator = new RowValidator<TRecord>(rules, file.FileName, run.KnownAccounts, now + _validation.FutureTolerance);
        using var reader = CsvDropFileReader.Open(file.Path, file.Entity, _options);
        DateTime? newest = null;
        var records = Validated(reader, validator, run, file, read, cancellationToken).Select(record =>
        {
            newest = Later(newest, timestamp(record));
            return record;
        });
        var table = file.Entity;
        var loaded = await store.WriteAsync(
            new EntityWrite<TRecord>(table, columns, HistoryColumns.KeyOf(table), records, WriteMode.Upsert, async (count, connection, transaction, token) =>
            {
                await CommitFileAsync(connection, transaction, file, run, validator, count, now, token).ConfigureAwait(false);
                return await FreshnessAsync(connection, transaction, table, newest, now, token).ConfigureAwait(false);
            }),
            cancellationToken).ConfigureAwait(false);
        return new CsvFileResult(file.Entity, file.FileName, loaded ?? 0, validator.Rejected, Skipped: false);
    }

    private async Task<CsvFileResult> ImportUsageAsync(CsvDropFile file, Run run, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var validator = new RowValidator<StagedUsageEvent>(EntityRuleBook.UsageEvents, file.FileName, run.KnownAccounts, now + _validation.FutureTolerance,
            run.StagedFrom?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            $"the staged events of its week were pruned (CsvDrops:StagedUsageDays = {_options.StagedUsageDays}), so the week cannot be recounted with it. " +
            "Load that period from the source database, or raise the setting before events age out and drop such files together in one run.");
        using var reader = CsvDropFileReader.Open(file.Path, file.Entity, _options);
        // The keys a file touches are few (accounts x days) next to its events, which stream through.
        var days = new HashSet<(string Account, string Day)>();
        var weeks = new HashSet<(string Account, string Week)>();
        DateOnly? newestDay = null;
        var events = Validated(reader, validator, run, file, CsvRowMapper.UsageEvent, cancellationToken).Select(e =>
        {
            days.Add((e.AccountId, StoreText.Date(e.Day)));
            weeks.Add((e.AccountId, StoreText.Date(e.WeekStart)));
            newestDay = newestDay is { } d && d >= e.Day ? d : e.Day;
            return e;
        });
        var daily = SourceEntityInfo.StoreTable(SourceEntity.UsageDaily);
        var weekly = SourceEntityInfo.StoreTable(SourceEntity.UsageWeekly);
        // Staged events are appended, never replaced: Upsert without key columns is a plain INSERT.
        var loaded = await store.WriteAsync(
            new EntityWrite<StagedUsageEvent>(UsageAggregateRefresh.StagingTable, UsageAggregateRefresh.StagingColumns, [], events, WriteMode.Upsert, async (count, connection, transaction, token) =>
            {
                await UsageAggregateRefresh.RefreshAsync(connection, transaction, days, weeks, token).ConfigureAwait(false);
                await CommitFileAsync(connection, transaction, file, run, validator, count, now, token).ConfigureAwait(false);
                // A usage day covers the whole day: the data is complete up to the next midnight (as SourceIngestion says).
                var dayEnd = newestDay?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                // HistoryStore writes the freshness this returns (usage_daily); usage_weekly's is written here and, as
                // for a database source, shares the daily watermark: both are the same events.
                var dailyFreshness = await FreshnessAsync(connection, transaction, daily, dayEnd, now, token).ConfigureAwait(false);
                await ReplaceFreshnessAsync(connection, transaction, await FreshnessAsync(connection, transaction, weekly, dailyFreshness.NewestDataAt, now, token).ConfigureAwait(false), token).ConfigureAwait(false);
                return dailyFreshness;
            }),
            cancellationToken).ConfigureAwait(false);
        return new CsvFileResult(file.Entity, file.FileName, loaded ?? 0, validator.Rejected, Skipped: false);
    }

    private static IEnumerable<TRecord> Validated<TRecord>(
        CsvDropFileReader reader,
        RowValidator<TRecord> validator,
        Run run,
        CsvDropFile file,
        Func<CsvDropFileReader, CsvValueParser, TRecord> read,
        CancellationToken cancellationToken)
    {
        var rows = 0L;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = validator.Check(
                () =>
                {
                    reader.CheckShape();
                    return read(reader, run.Parser);
                },
                reader.Location);
            if (++rows % CsvDropProgress.Interval == 0)
            {
                run.Progress?.Report(new CsvDropProgress(file.Entity, file.FileName, rows));
            }

            if (record is not null)
            {
                yield return record;
            }
        }
    }

    private async Task CommitFileAsync<TRecord>(
        DbConnection connection, DbTransaction transaction, CsvDropFile file, Run run, RowValidator<TRecord> validator, long loaded, DateTime now, CancellationToken cancellationToken)
    {
        if (validator.RejectedShare > _validation.MaxRejectedShare)
        {
            // Throwing here rolls the file back: so many bad rows usually mean a wrong mapping or format, not bad data.
            var first = string.Join(" ", validator.Quarantined.Take(3).Select(q => $"{q.Location}{(q.Column is null ? string.Empty : ", column " + q.Column)}: {q.Reason}"));
            throw new SourceDataException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{file.FileName}: {validator.Rejected} of {validator.Rejected + validator.Accepted} rows were refused, more than Ingest:MaxRejectedShare ({_validation.MaxRejectedShare:0.###}); nothing of the file was imported and it stays in the drop folder. First problems: {first}"));
        }

        await QuarantineStore.WriteAsync(connection, transaction, run.StartedAt, validator.Quarantined, cancellationToken).ConfigureAwait(false);
        await CsvImportLog.RecordAsync(connection, transaction, file, loaded, validator.Rejected, now, cancellationToken).ConfigureAwait(false);
    }

    // Like SourceIngestion: provided, the rows now stored, the newest data (never older than before: a drop of old rows
    // does not make the data look staler), ingested now.
    private static async Task<SourceFreshness> FreshnessAsync(
        DbConnection connection, DbTransaction transaction, string table, DateTime? newestInFile, DateTime now, CancellationToken cancellationToken)
    {
        // table comes from the entity list, never from input.
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT newest_data_at FROM source_freshness WHERE entity = @table", new { table }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new SourceFreshness(table, true, count, Later(StoreText.ParseInstantOrNull(stored), newestInFile), now);
    }

    private static async Task ReplaceFreshnessAsync(DbConnection connection, DbTransaction transaction, SourceFreshness freshness, CancellationToken cancellationToken)
    {
        // DELETE then INSERT rather than a dialect's upsert: the same SQL on every store provider.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM source_freshness WHERE entity = @Entity", new { freshness.Entity }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO source_freshness (entity, provided, row_count, newest_data_at, last_ingest_at) VALUES (@Entity, @Provided, @RowCount, @NewestDataAt, @LastIngestAt)",
            new
            {
                freshness.Entity,
                Provided = freshness.Provided ? 1 : 0,
                freshness.RowCount,
                NewestDataAt = StoreText.Instant(freshness.NewestDataAt),
                LastIngestAt = StoreText.Instant(freshness.LastIngestAt),
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static DateTime Later(DateTime first, DateTime? second) => second is { } s && s > first ? s : first;

    private static DateTime? Later(DateTime? first, DateTime? second) => first is { } f ? Later(f, second) : second;

    /// <summary>What the files of one run share.</summary>
    private sealed class Run(DateTime startedAt, CsvValueParser parser, IProgress<CsvDropProgress>? progress)
    {
        public DateTime StartedAt { get; } = startedAt;

        public CsvValueParser Parser { get; } = parser;

        public IProgress<CsvDropProgress>? Progress { get; } = progress;

        /// <summary>Weeks before this Monday were pruned by an earlier run: their events are refused; null when none were.</summary>
        public DateOnly? StagedFrom { get; set; }

        /// <summary>Stored account ids, loaded once after the accounts files; null until then.</summary>
        public IReadOnlySet<string>? KnownAccounts { get; set; }
    }
}
