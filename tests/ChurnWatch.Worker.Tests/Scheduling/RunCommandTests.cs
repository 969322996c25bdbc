using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChurnWatch.Worker.Tests.Scheduling;

/// <summary>The real <c>churnwatch run</c> and <c>churnwatch jobs</c> processes on the embedded (SQLite) store.</summary>
[Collection(AloneTests.Name)]
public sealed class RunCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Never = "0 0 1 1 *";
    private readonly TempFolder _folder = new();
    private readonly int _port = FreePort();
    private readonly int _dashboardPort = FreePort();
    private readonly List<int> _nodes = [];

    [Fact]
    public async Task Run_Healthz_ReadyWithStoreSchedulerAndJobsAndAPauseSurvivesARestart()
    {
        Assert.Equal(0, (await RunToEndAsync(["jobs", "pause", "reports"])).ExitCode);
        var again = await RunToEndAsync(["jobs", "pause", "reports"]);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("reports was paused already; nothing changed.", again.Output, StringComparison.Ordinal);
        using (var node = Start())
        {
            using var http = new HttpClient();
            await WaitUntilReadyAsync(http);
            var (status, body) = await GetAsync(http, "/healthz");
            Assert.Equal(HttpStatusCode.OK, status);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
            Assert.Equal("Hangfire server running on node test-node (Hangfire.InMemory)", json.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString());
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/healthz/live")).Status);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/healthz/ready")).Status);
            // The same web host serves the dashboard with Hangfire's on the dashboard's listener, each part on its own.
            using var recurring = await http.GetAsync(new Uri($"http://127.0.0.1:{_dashboardPort}/hangfire/recurring"));
            Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
            Assert.Contains("Scoring", await recurring.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{_dashboardPort}/healthz"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(http, "/hangfire/recurring")).Status);
            await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
            await node.WaitForExitAsync();
            Assert.Equal(0, node.ExitCode);
        }

        var list = await RunToEndAsync(["jobs", "list"]);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("reports (paused): write the weekly risk reports (one per account manager, with an index), account_risk.csv, feature_usage.csv and data_freshness.csv; e-mail the reports when Email:Enabled", list.Output, StringComparison.Ordinal);
        Assert.Contains($"  Schedule:Reports '{Never}' (Europe/Berlin); next ", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ingest (paused)", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SigtermDuringALongStep_StopsTakingWorkWaitsTheGraceThenCancelsAndExits130()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 30, Months = 3, Seed = 7, End = new DateOnly(2026, 6, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        using var node = Start(("Source:ConnectionString", $"Data Source={source}"), ("Schedule:TestDelay", "00:05:00"), ("Schedule:ShutdownGrace", "00:00:02"));
        using (var http = new HttpClient())
        {
            await WaitUntilReadyAsync(http); // the scheduler has stored its jobs
        }

        Assert.Equal(0, (await RunToEndAsync(["jobs", "trigger", "ingest"])).ExitCode);
        await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'ingest' AND status = 'running'");
        var clock = Stopwatch.StartNew();
        await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, node.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(40));
        Assert.Equal(
            [("ingest", "manual (jobs trigger)", "test-node", "cancelled", "cancelled while stopping; the step's unfinished unit of work was rolled back")],
            await QueryAsync<(string, string, string, string, string)>("SELECT job, trigger_name, node, status, error FROM job_runs"));
    }

    [Fact]
    public async Task Run_ChainReachesAPausedJob_WaitsUntilItIsResumed()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 30, Months = 3, Seed = 7, End = new DateOnly(2026, 6, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        using var node = Start(("Source:ConnectionString", $"Data Source={source}"));
        using (var http = new HttpClient())
        {
            await GetAsync(http, "/healthz/ready");
        }

        Assert.Equal(0, (await RunToEndAsync(["jobs", "pause", "score"])).ExitCode);
        Assert.Equal(0, (await RunToEndAsync(["jobs", "trigger", "ingest", "--chain"])).ExitCode);
        await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'ingest' AND status = 'succeeded'");
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'score'"));

        Assert.Equal(0, (await RunToEndAsync(["jobs", "resume", "score"])).ExitCode);
        await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'score' AND status <> 'running'");
        var again = await RunToEndAsync(["jobs", "resume", "score"]);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("score was not paused; nothing changed.", again.Output, StringComparison.Ordinal);

        Assert.Equal("chain after ingest", (await QueryAsync<string>("SELECT trigger_name FROM job_runs WHERE job = 'score'")).Single());
        // Each command that changed something is in the audit trail, from the command line, in order (not the second resume).
        Assert.Equal(
            [("job_paused", "score", "cli", ""), ("job_triggered", "ingest", "cli", "with its chain"), ("job_resumed", "score", "cli", "")],
            await QueryAsync<(string, string, string, string)>("SELECT action, target, source, detail FROM audit_events ORDER BY event_id"));
        await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
        await node.WaitForExitAsync();
    }

    [Fact]
    public async Task Run_ScheduleMissedWhileNoWorkerRan_RunsOnceAtStartThenNotAgain()
    {
        using (var first = Start())
        {
            using var http = new HttpClient();
            await WaitUntilReadyAsync(http); // the schedules are registered, since now
            await ClusterTests<SqliteTestProvider>.SignalAsync(first, "TERM");
            await first.WaitForExitAsync();
        }

        // As if the worker had been down since before New Year: Schedule:Reports (Jan 1st, 00:00) missed its slot.
        await ExecuteAsync("UPDATE job_schedules SET since = '2025-12-01T00:00:00Z' WHERE schedule_key = 'Reports'");
        for (var start = 0; start < 2; start++)
        {
            using var node = Start();
            using var http = new HttpClient();
            await WaitUntilReadyAsync(http);
            await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'reports' AND status <> 'running'");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
            await node.WaitForExitAsync();
        }

        // One run for the missed slot (it fails: the store is empty), and none for the schedules that missed nothing.
        Assert.Equal([("reports", "Reports")], await QueryAsync<(string, string)>("SELECT job, trigger_name FROM job_runs"));
    }

    [Fact]
    public async Task Run_KilledWithSigkillMidChain_NextStartFinishesItAndTheStoreEndsAsAfterOneCleanRun()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 160, Months = 15, Seed = 11, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        var clean = _folder.File("clean");
        var crashed = _folder.File("data");
        using (var node = Start(("Source:ConnectionString", $"Data Source={source}"), ("Store:DataFolder", clean)))
        {
            using var http = new HttpClient();
            await WaitUntilReadyAsync(http);
            Assert.Equal(0, (await RunToEndAsync(["jobs", "trigger", "ingest", "--chain"], ("Store:DataFolder", clean))).ExitCode);
            await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'signals' AND status <> 'running'", clean);
            await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
            await node.WaitForExitAsync();
        }

        // Each job held 20 s after its work, so the kill falls in the middle of 'score'.
        using (var node = Start(("Source:ConnectionString", $"Data Source={source}"), ("Schedule:TestDelay", "00:00:20")))
        {
            using var http = new HttpClient();
            await WaitUntilReadyAsync(http);
            Assert.Equal(0, (await RunToEndAsync(["jobs", "trigger", "ingest", "--chain"])).ExitCode);
            await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'score' AND status = 'running'");
            node.Kill(entireProcessTree: true); // SIGKILL: Hangfire's in-memory queue goes with the process
            await node.WaitForExitAsync();
        }

        using (var node = Start(("Source:ConnectionString", $"Data Source={source}")))
        {
            await WaitForAsync("SELECT COUNT(*) FROM job_runs WHERE job = 'signals' AND status <> 'running'");
            await ClusterTests<SqliteTestProvider>.SignalAsync(node, "TERM");
            await node.WaitForExitAsync();
        }

        Assert.Equal(
            [("ingest", "manual (jobs trigger)", "succeeded"), ("score", "chain after ingest", "interrupted"), ("score", "chain after ingest", "succeeded"), ("signals", "chain after score", "succeeded")],
            await QueryAsync<(string, string, string)>("SELECT job, trigger_name, status FROM job_runs ORDER BY run_id"));
        Assert.Equal(await ChecksumsAsync(clean), await ChecksumsAsync(crashed));
    }

    [Theory]
    [InlineData("Schedule:Reports", "0 25 * * *", "Schedule:Reports: '0 25 * * *' is not a valid cron expression")]
    [InlineData("Schedule:Reports", "0 0 7 ? * MON", "Schedule:Reports: '0 0 7 ? * MON' has 6 fields, the old form with seconds first (and a year); a schedule has five fields: minute hour day-of-month month day-of-week, e.g. '0 7 * * MON' for Monday 07:00.")]
    [InlineData("Schedule:Forecast", "0 0 31 2 *", "Schedule:Forecast: '0 0 31 2 *' never fires")]
    [InlineData("Schedule:TimeZone", "Atlantis/Capital", "Schedule:TimeZone: 'Atlantis/Capital' is not a time zone")]
    [InlineData("Schedule:Retries", "99", "Schedule:Retries: The field Retries must be between 0 and 10.")]
    [InlineData("Health:Address", "0.0.0.0", "Health:Password: Listening beyond loopback requires Health:Username and a Health:Password of at least 12 characters.")]
    public async Task Run_BadSetting_Exits3NamingTheKey(string key, string value, string message)
    {
        var (exitCode, text) = await RunToEndAsync(["run"], (key, value));

        Assert.Equal(3, exitCode);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_TriggerUnknownJob_Exits2ListingTheJobs()
    {
        var (exitCode, text) = await RunToEndAsync(["jobs", "trigger", "payroll"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("No job named 'payroll'. The jobs: ingest, train, score, signals, reports, forecast.", text, StringComparison.Ordinal);
    }

    private Process Start(params (string Key, string Value)[] settings)
    {
        var process = Process.Start(Info(["run"], settings))!;
        Drain(process, new StringBuilder());
        _nodes.Add(process.Id);
        return process;
    }

    private async Task<(int ExitCode, string Output)> RunToEndAsync(string[] arguments, params (string Key, string Value)[] settings)
    {
        using var process = Process.Start(Info(arguments, settings))!;
        var text = new StringBuilder();
        Drain(process, text);
        await process.WaitForExitAsync();
        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, text.ToString());
    }

    private ProcessStartInfo Info(string[] arguments, (string Key, string Value)[] settings)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), arguments)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CHURNWATCH__Store__DataFolder"] = _folder.File("data");
        info.Environment["CHURNWATCH__Output__Folder"] = _folder.File("out");
        info.Environment["CHURNWATCH__Schedule__NodeName"] = "test-node";
        info.Environment["CHURNWATCH__Schedule__TimeZone"] = "Europe/Berlin";
        info.Environment["CHURNWATCH__Health__Port"] = _port.ToString(CultureInfo.InvariantCulture);
        info.Environment["CHURNWATCH__Dashboard__Port"] = _dashboardPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["CHURNWATCH__Logging__LogLevel__Default"] = "Warning";
        foreach (var key in new[] { "Ingest", "Scoring", "Reports", "Forecast", "Retraining" })
        {
            info.Environment[$"CHURNWATCH__Schedule__{key}"] = Never;
        }

        foreach (var (key, value) in settings)
        {
            info.Environment["CHURNWATCH__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    private void Drain(Process process, StringBuilder text)
    {
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (text)
            {
                text.AppendLine(line);
            }

            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // a line that arrives after the test ended
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>GETs a path of the health endpoint, waiting (up to a minute) for the node to start listening.</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_port}{path}"));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(250);
            }
        }
    }

    // The endpoint listens a moment before Hangfire's server has started, and readiness rightly says 503 until then.
    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while ((await GetAsync(http, "/healthz/ready")).Status != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the node was not ready within a minute");
            await Task.Delay(250);
        }
    }

    private async Task WaitForAsync(string countSql, string? dataFolder = null)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(countSql, dataFolder) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"waited 2 minutes for: {countSql}");
            await Task.Delay(250);
        }
    }

    private StoreDatabase Store => StoreIn(_folder.File("data"));

    private static StoreDatabase StoreIn(string dataFolder) => new(Options.Create(new StoreOptions { DataFolder = dataFolder }), TimeProvider.System);

    private async Task<long> ScalarAsync(string sql, string? dataFolder = null)
    {
        await using var connection = await (dataFolder is null ? Store : StoreIn(dataFolder)).OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }

    private static Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(string dataFolder) => StoreChecksum.OfChainOutputsAsync(StoreIn(dataFolder));

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // A node a failed test left running would hold its port and folder.
        foreach (var id in _nodes)
        {
            try
            {
                using var node = Process.GetProcessById(id);
                node.Kill(entireProcessTree: true);
                node.WaitForExit();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // it has exited, as it should have
            }
        }

        _folder.Dispose();
    }
}
