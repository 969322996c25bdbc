using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch ingest</c>: read the source into the store, incrementally unless told otherwise.</summary>
internal static class IngestCommand
{
    /// <summary>Names users give to --entity; "usage" is both usage aggregates.</summary>
    private static readonly Dictionary<string, SourceEntity[]> EntityNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accounts"] = [SourceEntity.Accounts],
        ["subscriptions"] = [SourceEntity.Subscriptions],
        ["usage"] = [SourceEntity.UsageDaily, SourceEntity.UsageWeekly],
        ["tickets"] = [SourceEntity.Tickets],
        ["invoices"] = [SourceEntity.Invoices],
        ["payment_attempts"] = [SourceEntity.PaymentAttempts],
    };

    public static Command Create()
    {
        var entity = new Option<string[]>("--entity")
        {
            Description = $"Read only this entity (repeatable): {string.Join(", ", EntityNames.Keys)}. Default: all.",
            AllowMultipleArgumentsPerToken = false,
        };
        var full = new Option<bool>("--full") { Description = "Re-read everything and replace the stored copy, instead of what changed since the last run." };
        var forgetMissing = new Option<bool>("--forget-missing")
        {
            Description = "Remove from the store an optional entity (tickets, invoices, payment_attempts) that the source provided before and has no table for now. Without it such an entity is kept and the run exits with code 4.",
        };
        var tsv = new Option<bool>("--tsv")
        {
            Description = "Print the closing summary as tab-separated lines for scripts (entity, read, loaded, refused, rows_per_second, seconds, newest_data) instead of a table; standard output then holds only those lines, progress goes to standard error.",
        };
        var command = new Command("ingest", "Read accounts, subscriptions, usage, tickets, invoices and payments from the source database (Source:*) and the CSV drops (CsvDrops:Folder) into the store.")
        {
            entity, full, forgetMissing, tsv,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var names = parseResult.GetValue(entity) ?? [];
            var unknown = names.Where(n => !EntityNames.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments,
                    $"--entity: '{string.Join("', '", unknown)}' is not an entity; expected one of {string.Join(", ", EntityNames.Keys)}."));
            }

            var request = new IngestRequest(names.SelectMany(n => EntityNames[n]).Distinct().ToList(), parseResult.GetValue(full), parseResult.GetValue(forgetMissing));
            var asTsv = parseResult.GetValue(tsv);
            return CommandHost.RunAsync((services, ct) => RunAsync(services, request, asTsv, ct), null, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, IngestRequest request, bool tsv, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StoreDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        var runs = services.GetRequiredService<RunHistoryStore>();
        var runId = await runs.StartAsync("ingest", CancellationToken.None).ConfigureAwait(false);
        // With --tsv standard output carries the table alone (scripts parse it); the progress lines go to standard error.
        var progressConsole = tsv ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        IngestStepResult result;
        try
        {
            result = await progressConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => services.GetRequiredService<IngestStep>().RunAsync(
                    request, new EntityProgress(ctx, services.GetRequiredService<TimeProvider>()), new FileProgress(ctx), cancellationToken))
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await runs.FinishAsync(runId, succeeded: false, null, e.Message).ConfigureAwait(false);
            throw;
        }

        await runs.FinishAsync(runId, !result.Failed, result.TotalRows, result.Failed ? IngestMessages.Refused(result) : null).ConfigureAwait(false);
        if (tsv)
        {
            WriteTsv(Console.Out, result);
            if (result.QuarantineFile is not null)
            {
                await Console.Error.WriteLineAsync($"Refused rows and why: {result.QuarantineFile}").ConfigureAwait(false);
            }
        }
        else
        {
            Write(AnsiConsole.Console, result);
        }

        if (result.Failed)
        {
            return CommandHost.Fail(ExitCodes.BadSourceData, IngestMessages.Refused(result));
        }

        return ExitCodes.Ok;
    }

    private static void Write(IAnsiConsole console, IngestStepResult result)
    {
        var table = new Table().Title("Ingest").AddColumns("Entity", "Read", "Loaded", "Refused", "Rows/s", "Seconds", "Newest data");
        foreach (var e in result.Summary.Entities)
        {
            string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
            table.AddRow(
                Markup.Escape(SourceEntityInfo.StoreTable(e.Entity)),
                e.Refused ? "[red]refused, store kept[/]" : !e.Provided ? "not provided" : e.Since is { } since ? I($"since {since:yyyy-MM-dd}") : "full",
                I($"{(e.Refused ? 0 : e.Accepted):N0}"),
                e.Rejected == 0 ? "0" : I($"[red]{e.Rejected:N0}[/]"),
                I($"{e.RowsPerSecond:N0}"),
                I($"{e.Elapsed.TotalSeconds:0.0}"),
                e.NewestDataAt is { } newest ? I($"{newest:yyyy-MM-dd HH:mm} UTC") : "-");
        }

        if (result.Summary.Entities.Count > 0)
        {
            console.Write(table);
        }

        if (result.CsvDrops.Files.Count > 0)
        {
            var files = new Table().Title("CSV drops").AddColumns("Entity", "File", "Loaded", "Refused", "Note");
            foreach (var f in result.CsvDrops.Files)
            {
                files.AddRow(Markup.Escape(f.Entity), Markup.Escape(f.FileName), f.Loaded.ToString("N0", CultureInfo.InvariantCulture),
                    f.Rejected.ToString("N0", CultureInfo.InvariantCulture), f.Skipped ? "imported before: skipped, moved to processed" : "imported, moved to processed");
            }

            console.Write(files);
        }

        if (result.QuarantineFile is not null)
        {
            console.MarkupLine(Markup.Escape($"Refused rows and why: {result.QuarantineFile}"));
        }
    }

    /// <summary>One line per CSV drop file: rows read so far.</summary>
    private sealed class FileProgress(ProgressContext context) : IProgress<CsvDropProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
        private ProgressTask? _waiting;

        public void Report(CsvDropProgress value)
        {
            if (value.IsOtherImportRunning)
            {
                _waiting = context.AddTask("CSV drops: waiting for another import of the drop folder to finish (CsvDrops:LockWait)").IsIndeterminate();
                return;
            }

            if (_waiting is not null)
            {
                _waiting.Description = "CSV drops: the other import of the drop folder has finished";
                _waiting.StopTask();
                _waiting = null;
            }

            var key = $"{value.Entity}/{value.FileName}";
            if (!_tasks.TryGetValue(key, out var task))
            {
                task = context.AddTask(Markup.Escape(key)).IsIndeterminate();
                _tasks[key] = task;
            }

            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{key}: {value.RowsRead:N0} rows"));
        }
    }

    /// <summary>The summary for scripts (bench/ingest.sh): a header line, then one tab-separated line per entity; invariant culture, no markup.</summary>
    private static void WriteTsv(TextWriter writer, IngestStepResult result)
    {
        writer.WriteLine("entity\tread\tloaded\trefused\trows_per_second\tseconds\tnewest_data");
        foreach (var e in result.Summary.Entities)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SourceEntityInfo.StoreTable(e.Entity)}\t{(e.Refused ? "refused" : !e.Provided ? "not-provided" : e.Since is { } since ? $"since-{since:yyyy-MM-dd}" : "full")}\t{(e.Refused ? 0 : e.Accepted)}\t{e.Rejected}\t{e.RowsPerSecond:F0}\t{e.Elapsed.TotalSeconds:F3}\t{(e.NewestDataAt is { } n ? $"{n:yyyy-MM-ddTHH:mm:ssZ}" : "-")}"));
        }
    }

    /// <summary>One line per entity: rows read so far and the rate.</summary>
    private sealed class EntityProgress(ProgressContext context, TimeProvider time) : IProgress<IngestProgress>
    {
        private readonly Dictionary<SourceEntity, (ProgressTask Task, long Started)> _tasks = [];

        public void Report(IngestProgress value)
        {
            if (!_tasks.TryGetValue(value.Entity, out var entry))
            {
                entry = (context.AddTask(SourceEntityInfo.StoreTable(value.Entity)).IsIndeterminate(), time.GetTimestamp());
                _tasks[value.Entity] = entry;
            }

            var seconds = time.GetElapsedTime(entry.Started).TotalSeconds;
            var rate = seconds > 0 ? value.Rows / seconds : 0;
            entry.Task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{SourceEntityInfo.StoreTable(value.Entity)}: {value.Rows:N0} rows, {rate:N0} rows/s"));
            if (value.Done)
            {
                entry.Task.IsIndeterminate(false).Value(entry.Task.MaxValue);
                entry.Task.StopTask();
            }
        }
    }
}
