using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch forecast renewals</c>: renewals due per month, expected renewed ARR with a P10-P90 range, and the forecast's own backtest.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var command = new Command("forecast", "Forecasts for finance from the latest scoring in the store (run 'churnwatch demo' first).");
        command.Subcommands.Add(Renewals());
        return command;
    }

    private static Command Renewals()
    {
        var months = new Option<int>("--months") { Description = "Calendar months to forecast, from the month of the latest scoring (1-24).", DefaultValueFactory = _ => 12 };
        var by = new Option<string?>("--by") { Description = "segment: also forecast each customer segment (CSV rows per segment and month)." };
        var backtest = new Option<int>("--backtest-months") { Description = "Settled past months to forecast again 3 and 6 months ahead and compare with what renewed (0-36; 0 skips the backtest).", DefaultValueFactory = _ => 24 };
        var inSample = new Option<bool>("--in-sample")
        {
            Description = "Backtest with today's models applied to past dates (in-sample: they learned from those outcomes, so it flatters the forecast) " +
                "instead of models trained at each forecast date on the data before it.",
        };
        var output = new Option<string>("--out") { Description = "The CSV to write; the HTML page (.html), the backtest (_backtest.csv) and the month-to-month revenue forecast and its backtest (_month_to_month.csv, _month_to_month_backtest.csv) go beside it.", Required = true };
        var command = new Command(
            "renewals",
            "Per month: renewals due (count, ARR), expected renewed ARR (ARR x calibrated renewal probability), a P10-P90 range with its median from a seeded simulation, " +
            "expected churned ARR, and two baselines (everything renews; the trailing 12-month renewal rate); and how accurate forecasts made 3 and 6 months ahead " +
            "were on past months, the model's and the baselines'.")
        {
            months, by, backtest, inSample, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!CommandArguments.InRange("--months", parse.GetValue(months), 1, 24, out var error)
                || !CommandArguments.InRange("--backtest-months", parse.GetValue(backtest), 0, 36, out error))
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, error));
            var byValue = parse.GetValue(by)?.Trim().ToLowerInvariant();
            if (byValue is not (null or "segment"))
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--by: expected segment, got '{parse.GetValue(by)}'."));
            var request = new RenewalForecastRequest(parse.GetValue(months), byValue == "segment", parse.GetValue(backtest), Retrain: !parse.GetValue(inSample));
            var outPath = parse.GetValue(output)!;
            if (OutputPaths.Problem(outPath) is { } outProblem)
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, outProblem));
            return CommandHost.RunAsync(async (services, ct) =>
            {
                // Progress on standard error, so the figures on standard output stay clean for scripts.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                var service = services.GetRequiredService<RenewalForecastService>();
                var result = await SpectreStepProgress.Display(console)
                    .StartAsync(context => service.RunAsync(request, new SpectreStepProgress(context), ct)).ConfigureAwait(false);
                var files = FinanceFiles.WriteForecast(result, OutputPaths.Prepare(outPath));
                Print(result, files);
                return ExitCodes.Ok;
            }, null, cancellationToken);
        });
        return command;
    }

    private static void Print(RenewalForecastResult result, IReadOnlyList<string> files)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = result.Total;
        Console.Out.WriteLine(string.Create(inv,
            $"Renewal forecast from the scores of {result.ScoresAsOf:yyyy-MM-dd}: {total.Sum(m => m.RenewalsDue)} renewals due in {total.Count} months, ARR due {total.Sum(m => m.ArrDue):#,0}, forecast renewed {total.Sum(m => m.Calibrated.Amount):#,0} (the model expects {total.Sum(m => m.ExpectedRenewedArr):#,0} renewed, {total.Sum(m => m.ExpectedChurnedArr):#,0} churned) {result.Currency}."));
        if (result.TrailingRate is { } rate)
        {
            var basis = rate.Company.Rate is { } company
                ? string.Create(inv, $"{company:0.0%} of ARR renewed over the {rate.Company.Renewals} renewals settled in the {TrailingRenewalRate.WindowMonths} months before {rate.ForecastDate:yyyy-MM-dd}; segments with {TrailingRenewalRate.MinimumSegmentRenewals} or more at their own rate")
                : string.Create(inv, $"no renewal settled in the {TrailingRenewalRate.WindowMonths} months before {rate.ForecastDate:yyyy-MM-dd}, so everything renews");
            Console.Out.WriteLine(string.Create(inv,
                $"Baselines for the same months: trailing rate {total.Sum(m => m.TrailingRateRenewedArr):#,0} ({basis}), everything renews {total.Sum(m => m.EverythingRenewsArr):#,0}."));
        }

        foreach (var line in RenewalBacktestLines.Of(result).Concat(MonthToMonthLines.Of(result)))
        {
            Console.Out.WriteLine(line);
        }

        Console.Out.WriteLine($"Written: {string.Join(", ", files)}.");
    }
}
