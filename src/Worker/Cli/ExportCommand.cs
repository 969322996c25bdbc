using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch export feature-usage</c>: feature use per period, feature and group of customers, for product managers.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "Write CSV exports from the store (run 'churnwatch demo' or 'churnwatch ingest' first).");
        command.Subcommands.Add(FeatureUsage());
        return command;
    }

    private static Command FeatureUsage()
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD. Every week or month holding a day from --from to --to is exported whole.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD (inclusive).", Required = true };
        var grain = new Option<string>("--grain") { Description = "week (Monday to Sunday, UTC) or month (the Monday weeks that start in it).", DefaultValueFactory = _ => "week" };
        var by = new Option<string?>("--by") { Description = "Group customers by plan, segment or account. Default: all customers together." };
        var output = new Option<string>("--out") { Description = "The CSV file to write (schema: docs/exports.md, feature_usage_summary).", Required = true };
        var command = new Command(
            "feature-usage",
            "One row per period x feature x group: customers, active accounts, adoption rate, active users, events, events per active user, and the share " +
            "of accounts that churned within 90 days among users and non-users of the feature.")
        {
            from, to, grain, by, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!FeatureUsageQuery.TryCreate(parse.GetValue(from), parse.GetValue(to), parse.GetValue(grain), parse.GetValue(by), FeatureUsageQuery.CommandLine, out var query, out var error))
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, error));

            var outPath = parse.GetValue(output)!;
            if (OutputPaths.Problem(outPath) is { } outProblem)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, outProblem));
            return CommandHost.RunAsync(async (services, ct) =>
            {
                var summary = await services.GetRequiredService<FeatureUsageSummaryExport>().ComputeAsync(query, maximumAccountWeeks: null, ct).ConfigureAwait(false);
                var path = OutputPaths.Prepare(outPath);
                // The rows are computed as they are written: the bar follows the periods written. On standard error, so
                // standard output keeps the one line a script reads.
                var shape = string.Create(CultureInfo.InvariantCulture, $"{summary.Periods} {query.Grain.ToString().ToLowerInvariant()}s x {summary.Features.Count} features");
                var grouping = query.Grouping.ToString().ToLowerInvariant();
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                var rows = SpectreStepProgress.Display(console).Start(context =>
                {
                    var progress = new SpectreStepProgress(context);
                    progress.Begin($"Feature usage: {shape} by {grouping}");
                    var written = FeatureUsageSummaryCsv.WriteFile(path, summary.RowsReporting(progress));
                    progress.End();
                    return written;
                });
                DataFreshnessCsv.WriteFile(OutputPaths.Freshness(path), summary.Now, summary.Sources);
                var note = query.To >= DateOnly.FromDateTime(summary.DataAsOf) ? $" The data ends {summary.DataAsOf:yyyy-MM-dd HH:mm} UTC: later periods are marked period_complete=false." : string.Empty;
                Console.Out.WriteLine($"{rows} rows ({shape} x groups by {grouping}) written to {path}.{note}");
                return ExitCodes.Ok;
            }, null, cancellationToken);
        });
        return command;
    }
}
