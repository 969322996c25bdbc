using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Samples;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch samples generate</c>: writes a deterministic simulated B2B SaaS history in the source contract,
/// as a SQLite file, a folder of CSV files or the tables of a PostgreSQL database. Exit codes as in <see cref="ExitCodes"/>.
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
            Description = "sqlite (one file), csv (one file per table in the --out folder) or postgresql (tables in the existing database --out names, replacing earlier contract tables there).",
            DefaultValueFactory = _ => "sqlite",
        };
        var end = new Option<string?>("--end")
        {
            Description = "Exclusive end of the history, yyyy-MM-dd. Default: the first day of the current UTC month.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "The SQLite file (sqlite), the folder (csv) or the Npgsql connection string (postgresql) to write.",
        };

        var profile = new Option<string>("--profile")
        {
            Description = "contracts (sales-led: seats, monthly and annual contracts, tickets, invoices and payments) or self-serve " +
                "(the same accounts and usage, monthly plans only, one seat per account, no tickets, invoices or payments).",
            DefaultValueFactory = _ => "contracts",
        };
        var generate = new Command("generate", "Write a simulated company's history in the source contract.")
        {
            accounts, months, seed, format, end, output, profile,
        };
        generate.SetAction(async (parseResult, cancellationToken) =>
        {
            var formatValue = parseResult.GetValue(format)?.Trim().ToLowerInvariant();
            if (formatValue is not ("sqlite" or "csv" or "postgresql"))
            {
                return Reject($"--format: expected sqlite, csv or postgresql, got '{parseResult.GetValue(format)}'.");
            }

            SampleProfile sampleProfile;
            switch (parseResult.GetValue(profile)?.Trim().ToLowerInvariant())
            {
                case "contracts": sampleProfile = SampleProfile.Contracts; break;
                case "self-serve": sampleProfile = SampleProfile.SelfServe; break;
                default: return Reject($"--profile: expected contracts or self-serve, got '{parseResult.GetValue(profile)}'.");
            }

            var outPath = parseResult.GetValue(output);
            if (string.IsNullOrWhiteSpace(outPath))
            {
                return Reject("--out: expected the path of the file (sqlite) or folder (csv), or a connection string (postgresql), to write.");
            }

            if (formatValue == "postgresql" && !IsConnectionString(outPath))
            {
                return Reject("--out: expected an Npgsql connection string for postgresql, such as \"Host=127.0.0.1;Port=5432;Database=company;Username=postgres\".");
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
                Profile = sampleProfile,
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

    private static bool IsConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrEmpty(new Npgsql.NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
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
            await SpectreStepProgress.Display(AnsiConsole.Console)
                .StartAsync(async context =>
                {
                    var simulate = context.AddTask("Simulating accounts", maxValue: 1);
                    var company = await Task.Run(() => new SampleCompanyGenerator(options).Generate(), cancellationToken).ConfigureAwait(false);
                    simulate.Value = 1;
                    var write = context.AddTask($"Writing {format} (accounts)", maxValue: options.Accounts);
                    var writer = new SampleCompanyWriter(done => write.Value = done);
                    summary = await Task.Run(
                        () => format switch
                        {
                            "csv" => writer.WriteCsv(company, outPath, cancellationToken),
                            "postgresql" => writer.WritePostgreSql(company, outPath, cancellationToken),
                            _ => writer.WriteSqlite(company, outPath, cancellationToken),
                        },
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
        // The connection string may hold a password: name only the server and database.
        var target = format switch
        {
            "postgresql" => new Npgsql.NpgsqlConnectionStringBuilder(outPath) is var b ? $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}" : "",
            "csv" => $"{Path.GetFullPath(outPath)} ({Directory.GetFiles(outPath, "*.csv").Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MB)",
            _ => $"{Path.GetFullPath(outPath)} ({new FileInfo(outPath).Length / 1048576.0:F1} MB)",
        };
        AnsiConsole.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{options.Accounts} accounts x {options.Months} months, seed {options.Seed}, end {options.End:yyyy-MM-dd}: {target} in {seconds:F1} s."));
    }
}
