using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>
/// <c>churnwatch run --once</c> as a real process on a configured source (not the demo's): every job once, recorded in
/// the run history, the outputs written, training skipped while the model is current, and a failure's exit code.
/// </summary>
public sealed class RunOnceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task RunOnce_OwnSource_RunsEveryJobOnceThenSkipsTrainingWhileTheModelIsCurrent()
    {
        var source = _folder.File("company.db");
        var generate = await RunAsync(["samples", "generate", "--accounts", "300", "--months", "16", "--end", "2026-03-01", "--format", "sqlite", "--out", source], source);
        Assert.True(generate.ExitCode == 0, generate.Error);

        var first = await RunAsync(["run", "--once"], source);
        var second = await RunAsync(["run", "--once"], source);

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        foreach (var file in new[] { "account_risk.csv", "feature_usage.csv", "renewal_forecast.csv", "saas_metrics.csv", "data_freshness.csv", "reports/index.html" })
        {
            Assert.True(File.Exists(_folder.File("out/" + file)), $"{file} was not written");
        }

        var runs = await RunsAsync();
        string[] jobs = ["ingest", "train", "score", "signals", "reports", "forecast"];
        Assert.Equal([.. jobs, .. jobs.Where(j => j != "train")], runs.Select(r => r.Job));
        Assert.All(runs, r => Assert.Equal(("run --once", "succeeded"), (r.Trigger, r.Status)));
        Assert.Contains("is current", second.Output, StringComparison.Ordinal);
        Assert.Contains("skipped", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_SourceWithoutTheContractsTables_ExitCode1NamingTheJobAndRunsNothingAfterIt()
    {
        var source = _folder.File("empty.db");
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE unrelated (x INTEGER)");
        }

        var run = await RunAsync(["run", "--once"], source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The ingest job failed, so the jobs after it did not run", run.Error, StringComparison.Ordinal);
        var runs = await RunsAsync();
        Assert.Equal([("ingest", "run --once", "failed")], runs.Select(r => (r.Job, r.Trigger, r.Status)));
        Assert.False(File.Exists(_folder.File("out/account_risk.csv")));
    }

    [Fact]
    public async Task RunOnce_SelfServeCompanyOfFiveMonths_NamesTheSettingsThenRunsOnShorterOnesWithoutSeatOrContractOutputs()
    {
        // Monthly plans, one seat per account, no tickets, invoices or payments, five months: a small self-serve company, the kind that has no renewal dates.
        var source = _folder.File("self-serve.db");
        var generate = await RunAsync(["samples", "generate", "--accounts", "400", "--months", "5", "--end", "2026-03-01", "--profile", "self-serve", "--out", source], source);
        Assert.True(generate.ExitCode == 0, generate.Error);

        var defaults = await RunAsync(["run", "--once"], source);

        // The default horizon needs more history than five months: the error names each key and the days they need.
        Assert.Equal(1, defaults.ExitCode);
        Assert.Contains("The train job failed", defaults.Error, StringComparison.Ordinal);
        Assert.Contains("Modeling:HorizonDays (90) + Modeling:GraceDays (30)", defaults.Error, StringComparison.Ordinal);

        Dictionary<string, string> shorter = new()
        {
            ["Modeling__WarmUpDays"] = "28", ["Modeling__HorizonDays"] = "28", ["Modeling__GraceDays"] = "7", ["Modeling__BacktestTestDays"] = "28",
        };
        var run = await RunAsync(["run", "--once"], source, shorter);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        await using var store = new SqliteConnection($"Data Source={_folder.File("data/churnwatch.db")};Pooling=False");
        await store.OpenAsync();
        // One seat per account: no seat saturation, though many accounts have more than one weekly user.
        Assert.True(await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signals") > 0);
        Assert.Equal(0, await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signals WHERE kind = 'SeatSaturation'"));
        // No tickets, invoices or payments: no support risk, and billing risk only from falling MRR (the subscriptions).
        Assert.Equal(0, await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signals WHERE kind = 'SupportRisk'"));
        Assert.All(await store.QueryAsync<string>("SELECT evidence FROM signals WHERE kind = 'BillingRisk'"), evidence =>
        {
            Assert.StartsWith("MRR down", evidence, StringComparison.Ordinal);
            Assert.DoesNotContain("invoice", evidence, StringComparison.Ordinal);
        });
        // Monthly plans only: no contract is due for renewal in the forecast.
        var forecast = File.ReadAllLines(_folder.File("out/renewal_forecast.csv"));
        var due = Array.IndexOf(forecast[0].Split(','), "renewals_due");
        Assert.All(forecast.Skip(1), line => Assert.Equal("0", line.Split(',')[due]));
        // The metrics start with the data, not with empty months before it.
        var metrics = File.ReadAllLines(_folder.File("out/saas_metrics.csv"));
        Assert.InRange(metrics.Length - 1, 1, 5);
    }

    private async Task<List<(string Job, string Trigger, string Status)>> RunsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.File("data/churnwatch.db")};Pooling=False");
        await connection.OpenAsync();
        return [.. await connection.QueryAsync<(string, string, string)>("SELECT job, trigger_name, status FROM job_runs ORDER BY run_id")];
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, string source, Dictionary<string, string>? settings = null) =>
        ChurnWatchProcess.RunAsync(_folder.Path, arguments, TimeSpan.FromMinutes(5),
        [
            ("CHURNWATCH__Source__ConnectionString", $"Data Source={source}"),
            ("CHURNWATCH__Store__DataFolder", _folder.File("data")),
            ("CHURNWATCH__Output__Folder", _folder.File("out")),
            .. (settings ?? []).Select(s => ("CHURNWATCH__" + s.Key, s.Value)),
        ]);

    public void Dispose() => _folder.Dispose();
}
