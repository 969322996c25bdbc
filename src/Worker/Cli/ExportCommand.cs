using System.CommandLine;
using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
            if (!CommandArguments.TryDate("--from", parse.GetValue(from), out var first, out var error)
                || !CommandArguments.TryDate("--to", parse.GetValue(to), out var last, out error))
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, error));
            if (last < first)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--to ({last:yyyy-MM-dd}) is before --from ({first:yyyy-MM-dd})."));
            if (last.DayNumber - first.DayNumber > 3 * 366)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, "--from to --to spans more than three years; export it in parts."));
            UsageGrain periods;
            switch (parse.GetValue(grain)?.Trim().ToLowerInvariant())
            {
                case "week": periods = UsageGrain.Week; break;
                case "month": periods = UsageGrain.Month; break;
                default: return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--grain: expected week or month, got '{parse.GetValue(grain)}'."));
            }

            UsageGrouping grouping;
            switch (parse.GetValue(by)?.Trim().ToLowerInvariant())
            {
                case null: grouping = UsageGrouping.All; break;
                case "plan": grouping = UsageGrouping.Plan; break;
                case "segment": grouping = UsageGrouping.Segment; break;
                case "account": grouping = UsageGrouping.Account; break;
                default: return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--by: expected plan, segment or account, got '{parse.GetValue(by)}'."));
            }

            var outPath = parse.GetValue(output)!;
            if (OutputPaths.Problem(outPath) is { } outProblem)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, outProblem));
            return CommandHost.RunAsync(async (services, ct) =>
            {
                // The ledger, and the per-feature weeks streamed from the store: a period's usage is held at a time.
                var (history, sources, now) = await services.GetRequiredService<FinanceStore>().LoadLedgerAsync(ct).ConfigureAwait(false);
                var grace = services.GetRequiredService<IOptions<MetricsOptions>>().Value.GraceDays;
                var (firstWeek, lastWeek) = FeatureUsageSummary.WeekRange(first, last, periods);
                var weeks = services.GetRequiredService<HistoryStore>().FeatureWeeks(firstWeek, lastWeek.AddDays(1), ct);
                var rows = FeatureUsageSummary.Compute(history, weeks, first, last, periods, grouping, grace);
                var path = OutputPaths.Prepare(outPath);
                FeatureUsageSummaryCsv.WriteFile(path, rows);
                DataFreshnessCsv.WriteFile(OutputPaths.Freshness(path), now, sources);
                var note = last >= DateOnly.FromDateTime(history.DataAsOf) ? $" The data ends {history.DataAsOf:yyyy-MM-dd HH:mm} UTC: later periods are marked period_complete=false." : string.Empty;
                Console.Out.WriteLine($"{rows.Count} rows ({rows.Select(r => r.PeriodStart).Distinct().Count()} {periods.ToString().ToLowerInvariant()}s x {rows.Select(r => r.Feature).Distinct(StringComparer.Ordinal).Count()} features x groups by {grouping.ToString().ToLowerInvariant()}) written to {path}.{note}");
                return ExitCodes.Ok;
            }, null, cancellationToken);
        });
        return command;
    }
}
