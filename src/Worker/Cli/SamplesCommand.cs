using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Samples;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch samples generate</c>: writes a deterministic simulated B2B SaaS history in the source contract,
/// as a SQLite file or a folder of CSV files. Exit codes as in <see cref="ExitCodes"/>.
/// </summary>
internal static class SamplesCommand
{

    /// <summary>The <c>samples</c> command with its <c>generate</c> subcommand; the default end comes from the system clock.</summary>
    public static Command Create() => Create(TimeProvider.System);

    /// <summary>As <see cref="Create()"/>, with the clock that sets the default <c>--end</c>.</summary>
    public static Command Create(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var accounts = new Option<int>("--accounts")
        {
            Description = $"Number of accounts ({SampleCompanyOptions.MinAccounts}-{SampleCompanyOptions.MaxAccounts}).",
            DefaultValueFactory = _ => 2000,
        };
        var months = new Option<int>("--months")
        {
            Description = $"Months of history before --end ({SampleCompanyOptions.MinMonths}-{SampleCompanyOptions.MaxMonths}).",
            DefaultValueFactory = _ => 24,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed: the same arguments always give the same company.",
            DefaultValueFactory = _ => 42,
        };
        var format = new Option<string>("--format")
        {
            Description = "sqlite (one file) or csv (one file per table in the --out folder).",
            DefaultValueFactory = _ => "sqlite",
        };
        var end = new Option<string?>("--end")
        {
            Description = "Exclusive end of the history, yyyy-MM-dd. Default: the first day of the current UTC month.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "The SQLite file (sqlite) or the folder (csv) to write.",
        };

        var generate = new Command("generate", "Write a simulated company's history in the source contract.")
        {
            accounts, months, seed, format, end, output,
        };
        generate.SetAction(async (parseResult, cancellationToken) =>
        {
            var formatValue = parseResult.GetValue(format)?.Trim().ToLowerInvariant();
            if (formatValue is not ("sqlite" or "csv"))
            {
                return Reject($"--format: expected sqlite or csv, got '{parseResult.GetValue(format)}'.");
            }

            var outPath = parseResult.GetValue(output);
            if (string.IsNullOrWhiteSpace(outPath))
            {
                return Reject("--out: expected the path of the file (sqlite) or folder (csv) to write.");
            }

            var endText = parseResult.GetValue(end);
            var now = timeProvider.GetUtcNow();
            var endDate = new DateOnly(now.Year, now.Month, 1);
            if (endText is not null
                && !DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out endDate))
            {
                return Reject($"--end: expected a date as yyyy-MM-dd, got '{endText}'.");
            }

            var options = new SampleCompanyOptions
            {
                Accounts = parseResult.GetValue(accounts),
                Months = parseResult.GetValue(months),
                Seed = parseResult.GetValue(seed),
                End = endDate,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Reject($"--{e.ParamName?.ToLowerInvariant()}: {e.Message.Split(" (Parameter", 2)[0]}");
            }

            return await RunAsync(options, formatValue, outPath, timeProvider, cancellationToken).ConfigureAwait(false);
        });

        return new Command("samples", "Sample data for trying ChurnWatch without a real source.") { generate };
    }

    private static int Reject(string message)
    {
        Console.Error.WriteLine(message);
        return ExitCodes.BadArguments;
    }

    private static async Task<int> RunAsync(
        SampleCompanyOptions options, string format, string outPath, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            SampleWriteSummary? summary = null;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var simulate = context.AddTask("Simulating accounts", maxValue: 1);
                    var company = await Task.Run(() => new SampleCompanyGenerator(options).Generate(), cancellationToken).ConfigureAwait(false);
                    simulate.Value = 1;
                    var write = context.AddTask($"Writing {format} (accounts)", maxValue: options.Accounts);
                    var writer = new SampleCompanyWriter(done => write.Value = done);
                    summary = await Task.Run(
                        () => format == "csv"
                            ? writer.WriteCsv(company, outPath, cancellationToken)
                            : writer.WriteSqlite(company, outPath, cancellationToken),
                        cancellationToken).ConfigureAwait(false);
                    write.Value = options.Accounts;
                }).ConfigureAwait(false);

            var seconds = timeProvider.GetElapsedTime(started).TotalSeconds;
            PrintSummary(summary!, options, format, outPath, seconds);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled: nothing was written.");
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The command line reports every failure as exit code 1 with its message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"Failed: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void PrintSummary(SampleWriteSummary summary, SampleCompanyOptions options, string format, string outPath, double seconds)
    {
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, rows) in summary.RowsPerTable)
        {
            table.AddRow(name, rows.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var size = format == "csv"
            ? Directory.GetFiles(outPath, "*.csv").Sum(f => new FileInfo(f).Length)
            : new FileInfo(outPath).Length;
        AnsiConsole.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{options.Accounts} accounts x {options.Months} months, seed {options.Seed}, end {options.End:yyyy-MM-dd}: " +
            $"{Path.GetFullPath(outPath)} ({size / 1048576.0:F1} MB) in {seconds:F1} s."));
    }
}
