using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Readiness;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch source check</c>: reads the configured source (database and CSV drops) as an ingest would, into a
/// scratch store in a temporary folder that is deleted after, so the real store, the output folder and the drop folder
/// are left as they were (waiting CSV files are copied, not moved). Prints per entity what was found, the rows refused
/// and why, then what ChurnWatch can and cannot do with the data (<see cref="DataReadiness"/>). Exit code 0 when the
/// pipeline can run on it, 4 when it cannot, so it can gate a deployment.
/// </summary>
internal static class SourceCommand
{
    /// <summary>Each store table's time column, for the dates an entity's rows span.</summary>
    private static readonly Dictionary<SourceEntity, string> TimeColumns = new()
    {
        [SourceEntity.Accounts] = "created_at",
        [SourceEntity.Subscriptions] = "started_at",
        [SourceEntity.UsageDaily] = "day",
        [SourceEntity.UsageWeekly] = "week_start",
        [SourceEntity.Tickets] = "opened_at",
        [SourceEntity.Invoices] = "issued_at",
        [SourceEntity.PaymentAttempts] = "attempted_at",
    };

    public static Command Create()
    {
        var examples = new Option<int>("--examples")
        {
            Description = "Refused rows shown per entity, 0 to 100 (default 3); the rest are counted.",
            DefaultValueFactory = _ => 3,
        };
        var check = new Command("check", "Read the configured source (database and CSV drops) without writing anything: per entity found or not, rows, dates, " +
            "refused rows and why; then what ChurnWatch can and cannot do with the data. Exit code 0 when the pipeline can run on it, 4 when it cannot.")
        {
            examples,
        };
        check.SetAction((parse, cancellationToken) =>
        {
            var shown = parse.GetValue(examples);
            return shown is < 0 or > 100
                ? Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--examples: {shown} is outside 0 to 100."))
                : CheckAsync(shown, cancellationToken);
        });
        return new Command("source", "Look at the configured source before ChurnWatch ingests it.") { check };
    }

    private static async Task<int> CheckAsync(int examples, CancellationToken cancellationToken)
    {
        string? drops;
        try
        {
            drops = ChurnWatchHost.CreateBuilder().Configuration[$"{CsvDropOptions.Section}:{nameof(CsvDropOptions.Folder)}"];
        }
        catch (SettingsException e)
        {
            return CommandHost.Fail(ExitCodes.BadConfiguration, $"Configuration error: {e.Message}");
        }

        var scratch = Directory.CreateTempSubdirectory("churnwatch-source-check-");
        try
        {
            var overrides = new Dictionary<string, string?>
            {
                [$"{StoreOptions.Section}:{nameof(StoreOptions.Provider)}"] = nameof(StoreProvider.Sqlite),
                [$"{StoreOptions.Section}:{nameof(StoreOptions.DataFolder)}"] = Path.Combine(scratch.FullName, "store"),
                [$"{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}"] = string.Empty,
                [$"{OutputOptions.Section}:{nameof(OutputOptions.Folder)}"] = Path.Combine(scratch.FullName, "out"),
            };
            if (!string.IsNullOrWhiteSpace(drops))
            {
                overrides[$"{CsvDropOptions.Section}:{nameof(CsvDropOptions.Folder)}"] = CopyWaitingFiles(drops, Path.Combine(scratch.FullName, "drops"));
            }

            return await CommandHost.RunAsync((services, ct) => CheckAsync(services, examples, ct), overrides, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<int> CheckAsync(IServiceProvider services, int examples, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<StoreDatabase>();
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        // One entity at a time, as the ingest orders them, so a table or column that cannot be read is reported for its
        // entity and the others are still checked (one ingest of everything would stop at the first).
        var step = services.GetRequiredService<IngestStep>();
        var sourceEntities = Enum.GetValues<SourceEntity>();
        var results = new List<EntityIngestResult>();
        var csvFiles = new List<CsvFileResult>();
        var unreadable = new Dictionary<SourceEntity, string>();
        await SpectreStepProgress.Display(AnsiConsole.Console)
            .StartAsync(async context =>
            {
                var progress = new SpectreStepProgress(context);
                progress.Begin("Read the source");
                for (var i = 0; i < sourceEntities.Length; i++)
                {
                    try
                    {
                        var result = await step.RunAsync(new IngestRequest([sourceEntities[i]], Full: false), null, null, cancellationToken).ConfigureAwait(false);
                        results.AddRange(result.Summary.Entities);
                        csvFiles.AddRange(result.CsvDrops.Files);
                    }
                    catch (SourceDataException e)
                    {
                        // Unreachable, a missing table, a column that is missing or of the wrong type.
                        unreadable[sourceEntities[i]] = e.Message;
                    }

                    progress.Report((i + 1.0) / sourceEntities.Length);
                }

                progress.End();
            })
            .ConfigureAwait(false);

        var store = services.GetRequiredService<HistoryStore>();
        var freshness = (await store.FreshnessAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Entity, StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var table = new Table().Title("Source check: what an ingest reads").AddColumns("Entity", "Found", "Rows", "Refused rows", "From", "To", "Note");
        var blocked = false;
        foreach (var entity in Enum.GetValues<SourceEntity>())
        {
            var storeTable = SourceEntityInfo.StoreTable(entity);
            var result = results.FirstOrDefault(e => e.Entity == entity);
            var provided = freshness.TryGetValue(storeTable, out var f) && f.Provided;
            var refused = unreadable.GetValueOrDefault(entity) ?? result?.Refusal;
            var required = !SourceEntityInfo.IsOptional(entity);
            blocked |= refused is not null || (required && !provided);
            var time = TimeColumns[entity];
            // A fixed table and column of ChurnWatch's own scratch store: no user text goes into the SQL.
            var (from, to) = provided
                ? await connection.QuerySingleAsync<(string?, string?)>($"SELECT MIN({time}), MAX({time}) FROM {storeTable}").ConfigureAwait(false)
                : (null, null);
            // Usage is refused per event (CSV drops: usage_events) or per aggregated row (database: usage_daily).
            var rejected = entity == SourceEntity.UsageWeekly ? 0 : await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM quarantine WHERE entity IN (@storeTable, @sourceTable)", new { storeTable, sourceTable = SourceEntityInfo.SourceTable(entity) }).ConfigureAwait(false);
            table.AddRow(
                storeTable,
                refused is not null ? "[red]refused[/]" : provided ? "yes" : required ? "[red]missing[/]" : "not provided",
                (f?.RowCount ?? 0).ToString("N0", CultureInfo.InvariantCulture),
                rejected.ToString("N0", CultureInfo.InvariantCulture),
                Day(from),
                Day(to),
                Markup.Escape(refused ?? (required && !provided ? "required: the pipeline needs it" : string.Empty)));
        }

        var console = AnsiConsole.Console;
        console.Write(table);
        if (csvFiles.Count > 0)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"CSV drops: {csvFiles.Count} files waiting ({csvFiles.Sum(c => c.Loaded):N0} rows readable, {csvFiles.Sum(c => c.Rejected):N0} refused); copied for this check, not moved.")));
        }

        if (examples > 0)
        {
            var refusedRows = (await connection.QueryAsync<(string Entity, string Location, string? Column, string? Value, string Reason)>(
                "SELECT entity, location, column_name, value, reason FROM quarantine ORDER BY entity, quarantine_id").ConfigureAwait(false)).ToList();
            if (refusedRows.Count > 0)
            {
                var shown = new Table().Title($"Rows that would be refused (up to {examples} per entity)").AddColumns("Entity", "Where", "Column", "Value", "Why");
                foreach (var row in refusedRows.GroupBy(r => r.Entity, StringComparer.Ordinal).SelectMany(g => g.Take(examples)))
                {
                    shown.AddRow(Markup.Escape(row.Entity), Markup.Escape(row.Location), Markup.Escape(row.Column ?? string.Empty), Markup.Escape(row.Value ?? string.Empty), Markup.Escape(row.Reason));
                }

                console.Write(shown);
            }
        }

        if (!blocked)
        {
            var company = await CompanyBatches.OpenAsync(store, services.GetRequiredService<IOptions<StoreOptions>>().Value.AccountsPerBatch, cancellationToken).ConfigureAwait(false);
            bool Provided(SourceEntity entity) => freshness.TryGetValue(SourceEntityInfo.StoreTable(entity), out var e) && e.Provided;
            var findings = DataReadiness.Assess(
                company.Ledger,
                company.Shape,
                Provided(SourceEntity.Tickets),
                Provided(SourceEntity.Invoices) && Provided(SourceEntity.PaymentAttempts),
                services.GetRequiredService<IOptions<ModelingOptions>>().Value,
                services.GetRequiredService<IOptions<OutputOptions>>().Value.UnassignedOwner);
            console.MarkupLine("What ChurnWatch can do with this data:");
            foreach (var finding in findings)
            {
                console.MarkupLine((finding.Blocking ? "[red]cannot[/] " : "- ") + Markup.Escape(finding.Text));
            }

            blocked = findings.Any(x => x.Blocking);
        }

        if (blocked)
        {
            return CommandHost.Fail(ExitCodes.BadSourceData, "The pipeline cannot run on this source as it is: see above what is missing, refused or too short.");
        }

        console.MarkupLine(Markup.Escape("The pipeline can run on this source: churnwatch run --once"));
        return ExitCodes.Ok;
    }

    private static string Day(string? instant) => instant is null ? "-" : instant.Length > 10 ? instant[..10] : instant;

    /// <summary>The drop folder's waiting files copied into <paramref name="target"/> (same layout), so the check moves none of them.</summary>
    private static string CopyWaitingFiles(string drops, string target)
    {
        Directory.CreateDirectory(target);
        if (!Directory.Exists(drops))
        {
            return target;
        }

        foreach (var entity in CsvDropColumns.Entities)
        {
            var folder = Path.Combine(drops, entity);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var copy = Directory.CreateDirectory(Path.Combine(target, entity)).FullName;
            foreach (var file in Directory.GetFiles(folder, "*.csv", SearchOption.TopDirectoryOnly))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        return target;
    }
}
