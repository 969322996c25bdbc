using System.CommandLine;
using System.Globalization;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
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
        Assert.Equal(8, expected.Count); // two leads, four each: the forecast given, the model and the two baselines
        Assert.Equal(expected, printed.Where(l => l.StartsWith("Backtest, forecasts made", StringComparison.Ordinal)));

        // The baselines' totals over the forecast's months are the sums of the forecast CSV's columns.
        var (header, rows) = CsvTestReader.Read(await File.ReadAllTextAsync(csv));
        decimal Sum(string name) => rows.Sum(r => decimal.Parse(r[header.ToList().IndexOf(name)], CultureInfo.InvariantCulture));
        var first = Assert.Single(printed, l => l.StartsWith("Renewal forecast from the scores of", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $", forecast renewed {Sum("forecast"):#,0} (the model expects {Sum("expected_renewed_arr"):#,0} renewed"), first, StringComparison.Ordinal);
        var baselines = Assert.Single(printed, l => l.StartsWith("Baselines for the same months:", StringComparison.Ordinal));
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Baselines for the same months: trailing rate {Sum("trailing_rate_renewed_arr"):#,0} ("), baselines, StringComparison.Ordinal);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"), everything renews {Sum("arr_due"):#,0}."), baselines, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.NotEmpty(r[header.ToList().IndexOf("trailing_rate_basis")]));

        // Month-to-month revenue: the printed line agrees with the last month of its CSV, and each backtest line with
        // the backtest CSV's rows of its lead, recomputed here.
        var (mtmHeader, mtmRows) = CsvTestReader.Read(await File.ReadAllTextAsync(folder.File("forecast/forecast_month_to_month.csv")));
        Assert.Equal(ChurnWatch.Worker.Finance.Csv.MonthToMonthForecastCsv.Columns, mtmHeader);
        string Cell(IReadOnlyList<string> row, IReadOnlyList<string> head, string name) => row[head.ToList().IndexOf(name)];
        decimal Money(string cell) => decimal.Parse(cell, CultureInfo.InvariantCulture);
        var last = mtmRows[^1];
        var summary = Assert.Single(printed, l => l.StartsWith("Month-to-month revenue:", StringComparison.Ordinal));
        var method = Cell(last, mtmHeader, "forecast_method") switch
        {
            "combined" => "the mean of the model and the trailing rate",
            "model" => "the model",
            _ => "the trailing rate",
        };
        var range = Cell(last, mtmHeader, "range_basis") == "none"
            ? " (no range)"
            : string.Create(CultureInfo.InvariantCulture, $" (P10 {Money(Cell(last, mtmHeader, "forecast_p10")):#,0}, P90 {Money(Cell(last, mtmHeader, "forecast_p90")):#,0})");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"forecast kept at the end of {Cell(last, mtmHeader, "month")[..7]} {Money(Cell(last, mtmHeader, "forecast")):#,0} by {method}{range}; the model expects {Money(Cell(last, mtmHeader, "expected_mrr_kept")):#,0};"),
            summary, StringComparison.Ordinal);
        var (btHeader, btRows) = CsvTestReader.Read(await File.ReadAllTextAsync(folder.File("forecast/forecast_month_to_month_backtest.csv")));
        Assert.Equal(ChurnWatch.Worker.Finance.Csv.MonthToMonthBacktestCsv.Columns, btHeader);
        Assert.NotEmpty(btRows);
        foreach (var lead in btRows.Select(r => Cell(r, btHeader, "lead_months")).Distinct())
        {
            var ofLead = btRows.Where(r => Cell(r, btHeader, "lead_months") == lead).ToList();
            var inside = (double)ofLead.Count(r => Cell(r, btHeader, "inside_range") == "true") / ofLead.Count;
            var forecast = ofLead.Sum(r => Money(Cell(r, btHeader, "expected_mrr_kept")));
            var actual = ofLead.Sum(r => Money(Cell(r, btHeader, "actual_mrr_kept")));
            var line = Assert.Single(printed, l => l.StartsWith($"Month-to-month backtest, {lead} months ahead over {ofLead.Count} past months:", StringComparison.Ordinal));
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"bias {(double)((forecast - actual) / actual):+0.0%;-0.0%}, actual inside its P10-P90 of independent churns in {inside:0%} of months"), line, StringComparison.Ordinal);
            var given = ofLead.Sum(r => Money(Cell(r, btHeader, "forecast")));
            var combined = ofLead.Where(r => Cell(r, btHeader, "forecast_method") == "combined").ToList();
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture,
                $"Month-to-month backtest, {lead} months ahead over {ofLead.Count} past months: forecast given mean absolute error "), line, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $", bias {(double)((given - actual) / actual):+0.0%;-0.0%} (the model and the trailing rate combined in {combined.Count} of them, the trailing rate alone in the rest"), line, StringComparison.Ordinal);
            if (combined.Count > 0)
            {
                // Over the combined months only: the forecast given's bias, recomputed from its rows.
                var combinedActual = combined.Sum(r => Money(Cell(r, btHeader, "actual_mrr_kept")));
                var combinedBias = (double)((combined.Sum(r => Money(Cell(r, btHeader, "forecast"))) - combinedActual) / combinedActual);
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"; in those {combined.Count}: mean absolute error "), line, StringComparison.Ordinal);
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $", bias {combinedBias:+0.0%;-0.0%})"), line, StringComparison.Ordinal);
            }
        }
    }
}
