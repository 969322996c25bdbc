using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Reports.Csv;
using ChurnWatch.Worker.Reports.Finance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch metrics</c>: the monthly MRR bridge, churn and retention rates and the cohort table, with their conventions.</summary>
internal static class MetricsCommand
{
    public static Command Create()
    {
        var months = new Option<int>("--months") { Description = "Complete calendar months before the data's end (1-120).", DefaultValueFactory = _ => 12 };
        var output = new Option<string>("--out") { Description = "The MRR bridge CSV to write; the cohort table (_cohorts.csv) and the HTML page (.html) go beside it.", Required = true };
        var command = new Command(
            "metrics",
            "Monthly MRR bridge (new, expansion, contraction, churn, reactivation), logo churn rate, gross and net MRR churn, GRR, NRR and cohort retention. " +
            "Conventions (grace period, delinquent accounts, same-month sign-up and cancel) come from the Metrics section of the configuration and are printed on every output.")
        {
            months, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!CommandArguments.InRange("--months", parse.GetValue(months), 1, 120, out var error))
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, error));
            var count = parse.GetValue(months);
            var outPath = parse.GetValue(output)!;
            if (OutputPaths.Problem(outPath) is { } outProblem)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, outProblem));
            return CommandHost.RunAsync(async (services, ct) =>
            {
                var (history, sources, now) = await services.GetRequiredService<FinanceStore>().LoadAsync(ct).ConfigureAwait(false);
                var options = services.GetRequiredService<IOptions<MetricsOptions>>().Value;
                var report = SaasMetrics.Compute(history, SaasMetrics.FirstOfLastCompleteMonths(history.DataAsOf, count), count, options);
                var path = OutputPaths.Prepare(outPath);
                MrrBridgeCsv.WriteFile(path, report);
                var cohorts = OutputPaths.Sibling(path, "cohorts");
                CohortRetentionCsv.WriteFile(cohorts, report);
                var html = OutputPaths.Html(path);
                var currency = FinanceStore.Currency(history);
                Output.AtomicFile.WriteText(html, writer => writer.Write(SaasMetricsHtml.Render(report, sources, currency, now)));
                DataFreshnessCsv.WriteFile(OutputPaths.Freshness(path), now, sources);
                var last = report.Months[^1];
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SaaS metrics for {report.Months[0].Month:yyyy-MM} to {last.Month:yyyy-MM}: MRR {report.Months[0].StartMrr:#,0} -> {last.EndMrr:#,0} {currency}; last month logo churn {last.LogoChurnRate:0.0%}, GRR {last.GrossRevenueRetention:0.0%}, NRR {last.NetRevenueRetention:0.0%}."));
                Console.Out.WriteLine($"Conventions: {options.Describe()}.");
                Console.Out.WriteLine($"Written: {path}, {cohorts}, {html}.");
                return ExitCodes.Ok;
            }, null, cancellationToken);
        });
        return command;
    }
}
