using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Tests.Reports.Csv;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary><c>churnwatch forecast renewals</c> after a demo of a small company: what it prints agrees with the files it wrote.</summary>
[Collection(ConsoleTests.Name)]
public sealed class ForecastCommandTests
{
    [Fact]
    public async Task Renewals_AfterTheDemo_PrintsEachMethodsAccuracyPerLeadAsTheBacktestCsvGivesIt()
    {
        using var folder = new TempFolder();
        var builder = ChurnWatchHost.CreateBuilder(SmallCompany.Settings(folder.Path, accounts: 160, months: 15, seed: 11));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(SmallCompany.Now));
        using (var host = builder.Build())
        {
            await host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);
        }

        var csv = folder.File("forecast/forecast.csv");
        Environment.SetEnvironmentVariable("CHURNWATCH__Store__DataFolder", Path.Combine(folder.Path, "data"));
        (int ExitCode, string Output, string Error) run;
        try
        {
            run = await CommandRun.InvokeAsync(new RootCommand { ForecastCommand.Create() }, "forecast", "renewals", "--backtest-months", "6", "--in-sample", "--out", csv);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHURNWATCH__Store__DataFolder", null);
        }

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var printed = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var expected = BacktestCsvAccuracy.ExpectedLines(folder.File("forecast/forecast_backtest.csv"));
        Assert.Equal(6, expected.Count); // two leads, three methods each
        Assert.Equal(expected, printed.Where(l => l.StartsWith("Backtest, forecasts made", StringComparison.Ordinal)));

        // The baselines' totals over the forecast's months are the sums of the forecast CSV's columns.
        var (header, rows) = CsvTestReader.Read(await File.ReadAllTextAsync(csv));
        decimal Sum(string name) => rows.Sum(r => decimal.Parse(r[header.ToList().IndexOf(name)], CultureInfo.InvariantCulture));
        var baselines = Assert.Single(printed, l => l.StartsWith("Baselines for the same months:", StringComparison.Ordinal));
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Baselines for the same months: trailing rate {Sum("trailing_rate_renewed_arr"):#,0} ("), baselines, StringComparison.Ordinal);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"), everything renews {Sum("arr_due"):#,0}."), baselines, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.NotEmpty(r[header.ToList().IndexOf("trailing_rate_basis")]));
    }
}
