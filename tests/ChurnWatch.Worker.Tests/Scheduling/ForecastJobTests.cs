using System.Security.Cryptography;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Tests.Scheduling;

/// <summary>
/// The weekly forecast job on a small generated company in a real SQLite store: it writes the forecast and the SaaS
/// metrics as their commands do, and a re-run replaces them with the same bytes.
/// </summary>
public sealed class ForecastJobTests : IDisposable
{
    private static readonly string[] JobFiles =
    [
        "renewal_forecast.csv", "renewal_forecast_backtest.csv", "renewal_forecast_month_to_month.csv", "renewal_forecast_month_to_month_backtest.csv", "renewal_forecast.html",
        "saas_metrics.csv", "saas_metrics_cohorts.csv", "saas_metrics.html",
    ];

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ForecastJob_AfterTheDemo_WritesForecastAndMetricsAndAReRunGivesTheSameBytes()
    {
        using var host = await DemoHostAsync();
        var output = Path.Combine(_folder.Path, "out");
        foreach (var file in JobFiles)
        {
            File.Delete(Path.Combine(output, file)); // the demo writes renewal_forecast.csv too
        }

        var job = host.Services.GetRequiredService<ForecastJob>();
        var rows = await job.RunAsync(CancellationToken.None);
        var first = Hashes(output);
        var again = await job.RunAsync(CancellationToken.None);
        var second = Hashes(output);

        Assert.Equal(first, second);
        Assert.Equal(rows, again);
        // The rows the job reports are the data rows of its three row-per-month CSVs (forecast, backtest, bridge).
        Assert.Equal(DataRows(output, "renewal_forecast.csv") + DataRows(output, "renewal_forecast_backtest.csv") + DataRows(output, "saas_metrics.csv"), rows);
        Assert.True(DataRows(output, "renewal_forecast_backtest.csv") > 0, "the backtest replayed at least one past month");
        var forecastPage = await File.ReadAllTextAsync(Path.Combine(output, "renewal_forecast.html"));
        var metricsPage = await File.ReadAllTextAsync(Path.Combine(output, "saas_metrics.html"));
        Assert.Contains("<svg", forecastPage, StringComparison.Ordinal);
        Assert.Contains("<svg", metricsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastJob_Backtest_LogsEachMethodsAccuracyPerLeadAsTheCommandPrintsIt()
    {
        var logs = new LogLines();
        using var host = await DemoHostAsync(logs, ("Schedule:ForecastBacktestMonths", "4"), ("Logging:LogLevel:" + typeof(ForecastJob).FullName, "Information"));

        await host.Services.GetRequiredService<ForecastJob>().RunAsync(CancellationToken.None);

        var expected = BacktestCsvAccuracy.ExpectedLines(Path.Combine(_folder.Path, "out", "renewal_forecast_backtest.csv"));
        var logged = logs.Of(typeof(ForecastJob).FullName!);
        Assert.Equal(8, expected.Count); // two leads, four each: the forecast given, the model and the two baselines
        Assert.Equal(expected.Select(l => $"Job forecast: {l}"), logged.Where(l => l.StartsWith("Job forecast: Backtest, forecasts made", StringComparison.Ordinal)));
        Assert.Contains(logged, l => l.StartsWith("Job forecast: Backtest probabilities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsJob_AfterTheForecastJob_LeavesFinancesFilesAsTheForecastWroteThem()
    {
        using var host = await DemoHostAsync(("Schedule:ForecastBacktestMonths", "4"));
        var output = Path.Combine(_folder.Path, "out");
        await host.Services.GetRequiredService<ForecastJob>().RunAsync(CancellationToken.None);
        var forecast = Hashes(output);
        var index = Path.Combine(output, "reports", "index.html");
        File.Delete(index);

        await host.Services.GetRequiredService<ReportsJob>().RunAsync(CancellationToken.None);

        // The reports ran (their index is back), and the forecast given, with its backtest, is still the one finance reads.
        Assert.True(File.Exists(index));
        Assert.Equal(forecast, Hashes(output));
    }

    [Fact]
    public async Task Definition_Description_NamesEveryFileTheJobWrites()
    {
        using var host = await DemoHostAsync(("Schedule:ForecastBacktestMonths", "0"));
        var output = Path.Combine(_folder.Path, "out");
        foreach (var file in Directory.GetFiles(output))
        {
            File.Delete(file);
        }

        await host.Services.GetRequiredService<ForecastJob>().RunAsync(CancellationToken.None);

        var written = Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. JobFiles.Append("data_freshness.csv").Order(StringComparer.Ordinal)], written);
        Assert.All(written, file => Assert.Contains(file, ForecastJob.Definition.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForecastJob_BacktestMonthsZero_WritesAnEmptyBacktest()
    {
        using var host = await DemoHostAsync(("Schedule:ForecastBacktestMonths", "0"));
        var output = Path.Combine(_folder.Path, "out");

        await host.Services.GetRequiredService<ForecastJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, DataRows(output, "renewal_forecast_backtest.csv"));
        Assert.True(DataRows(output, "renewal_forecast.csv") > 0);
    }

    [Fact]
    public async Task ForecastJob_StoreNeverScored_ScoresFirstThenForecasts()
    {
        using var host = await DemoHostAsync(("Schedule:ForecastBacktestMonths", "0"));
        await using (var connection = await host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM scores");
        }

        var rows = await host.Services.GetRequiredService<ForecastJob>().RunAsync(CancellationToken.None);

        Assert.NotNull(await host.Services.GetRequiredService<ScoreStore>().LatestAsOfAsync(CancellationToken.None));
        Assert.Equal(DataRows(Path.Combine(_folder.Path, "out"), "renewal_forecast.csv") + DataRows(Path.Combine(_folder.Path, "out"), "saas_metrics.csv"), rows);
    }

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string> Hashes(string folder) =>
        JobFiles.ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f)))));

    private static long DataRows(string folder, string file) => File.ReadAllLines(Path.Combine(folder, file)).Length - 1;

    private Task<IHost> DemoHostAsync(params (string Key, string Value)[] extra) => DemoHostAsync(null, extra);

    private async Task<IHost> DemoHostAsync(LogLines? logs, params (string Key, string Value)[] extra)
    {
        var settings = SmallCompany.Settings(_folder.Path, accounts: 160, months: 15, seed: 11);
        settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var builder = ChurnWatchHost.CreateBuilder(settings);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(SmallCompany.Now));
        builder.AddChurnWatchScheduler(run: false);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var host = builder.Build();
        await host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);
        return host;
    }
}
