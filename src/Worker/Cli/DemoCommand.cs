using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch demo</c>: the whole pipeline once, on the embedded store and the sample company.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var accounts = new Option<int?>("--accounts") { Description = "Accounts in the sample company when it has to be generated (default: Sample:Accounts, 2000)." };
        var months = new Option<int?>("--months") { Description = "Months of history in the sample company (default: Sample:Months, 36)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the sample company (default: Sample:Seed, 42)." };
        var data = new Option<string?>("--data") { Description = "Folder for the store and the sample source (default: Store:DataFolder, ./data)." };
        var output = new Option<string?>("--out") { Description = "Folder for reports and exports (default: Output:Folder, ./out)." };
        var command = new Command(
            "demo",
            "Generate the sample company if it is missing, then ingest, train a churn model with a time-split backtest, " +
            "score every active account, flag inactive and upsell accounts, and write the reports, exports and forecast. " +
            "For the sample company only: on your own source use 'churnwatch run --once'.")
        {
            accounts, months, seed, data, output,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            void Set(string key, string? value)
            {
                if (value is not null)
                {
                    overrides[key] = value;
                }
            }

            Set($"{SampleOptions.Section}:{nameof(SampleOptions.Accounts)}", parseResult.GetValue(accounts)?.ToString(CultureInfo.InvariantCulture));
            Set($"{SampleOptions.Section}:{nameof(SampleOptions.Months)}", parseResult.GetValue(months)?.ToString(CultureInfo.InvariantCulture));
            Set($"{SampleOptions.Section}:{nameof(SampleOptions.Seed)}", parseResult.GetValue(seed)?.ToString(CultureInfo.InvariantCulture));
            if (parseResult.GetValue(data) is { } dataFolder)
            {
                Set($"{StoreOptions.Section}:{nameof(StoreOptions.DataFolder)}", dataFolder);
                Set($"{SourceOptions.Section}:{nameof(SourceOptions.ConnectionString)}", $"Data Source={Path.Combine(dataFolder, DemoPipeline.SampleFileName)}");
            }

            Set($"{OutputOptions.Section}:{nameof(OutputOptions.Folder)}", parseResult.GetValue(output));
            return CommandHost.RunAsync(
                async (services, ct) =>
                {
                    // Refused before anything runs: a history too short for a model fails only after ingest, training,
                    // scoring and signals, with nothing written to the output folder.
                    var pipeline = services.GetRequiredService<DemoPipeline>();
                    var sampleMonths = services.GetRequiredService<IOptions<SampleOptions>>().Value.Months;
                    var problem = parseResult.GetValue(months) is { } given
                        ? pipeline.SampleTooShort(I($"--months {given}"), m => I($"Use --months {m} or more"))
                        : pipeline.SampleTooShort(I($"Sample:Months = {sampleMonths}"), m => I($"Set Sample:Months to {m} or more (or pass --months {m})"));
                    if (problem is not null)
                    {
                        return CommandHost.Fail(parseResult.GetValue(months) is null ? ExitCodes.BadConfiguration : ExitCodes.BadArguments, problem);
                    }

                    var summary = await SpectreStepProgress.Display(AnsiConsole.Console)
                        .StartAsync(ctx => pipeline.RunAsync(new SpectreStepProgress(ctx), ct))
                        .ConfigureAwait(false);
                    DemoSummaryTable.Write(AnsiConsole.Console, summary);
                    return ExitCodes.Ok;
                },
                overrides,
                cancellationToken);
        });
        return command;
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
