using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Output;
using Microsoft.Extensions.DependencyInjection;

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
                var result = await services.GetRequiredService<SaasMetricsService>().RunAsync(count, ct).ConfigureAwait(false);
                var files = FinanceFiles.WriteMetrics(result, OutputPaths.Prepare(outPath));
                var report = result.Report;
                var last = report.Months[^1];
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SaaS metrics for {report.Months[0].Month:yyyy-MM} to {last.Month:yyyy-MM}: MRR {report.Months[0].StartMrr:#,0} -> {last.EndMrr:#,0} {result.Currency}; last month logo churn {last.LogoChurnRate:0.0%}, GRR {last.GrossRevenueRetention:0.0%}, NRR {last.NetRevenueRetention:0.0%}."));
                Console.Out.WriteLine($"Conventions: {result.Options.Describe()}.");
                Console.Out.WriteLine($"Written: {string.Join(", ", files)}.");
                return ExitCodes.Ok;
            }, null, cancellationToken);
        });
        return command;
    }
}
