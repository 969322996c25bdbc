using System.Diagnostics;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChurnWatch.Worker.Tests.Scheduling;

/// <summary>Two real <c>churnwatch run</c> processes on one PostgreSQL store (two Hangfire servers on Hangfire.PostgreSql).</summary>
[Collection(AloneTests.Name)]
public sealed class PostgreSqlClusterTests(ITestOutputHelper output) : ClusterTests<PostgreSqlTestProvider>(output);

/// <summary>
/// A node killed with SIGKILL while it runs a long job: another node recovers the job and finishes the chain, the
/// store ends exactly as after one clean run on one node, and no job ever ran twice at the same time.
/// </summary>
public abstract class ClusterTests<TProvider>(ITestOutputHelper output) : IAsyncLifetime, IDisposable
    where TProvider : StoreTestProvider, new()
{
    /// <summary>Jan 1st, midnight: no schedule fires during the test; the test starts the chain itself.</summary>
    private const string Never = "0 0 1 1 *";

    private readonly TempFolder _folder = new();
    private readonly List<string> _databases = [];

    [StoreFact]
    public async Task Run_NodeKilledDuringLongJob_OtherNodeRecoversAndStoreEndsAsOneCleanRun()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 300, Months = 18, Seed = 7, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);

        // One clean run of the chain on one node.
        var clean = await CreateStoreAsync();
        using (var node = Start("clean", clean, source, TimeSpan.Zero))
        {
            await WaitForNodesAsync(clean, 1);
            Assert.Equal(0, await JobsAsync(clean, source, "trigger", "ingest", "--chain"));
            await WaitUntilAsync(clean, "SELECT COUNT(*) FROM job_runs WHERE job = 'signals' AND status <> 'running'", TimeSpan.FromMinutes(3));
            await StopAsync(node);
        }

        // The same chain on a cluster of two, each job held 20 s after its work: the node running 'score' is killed.
        var cluster = await CreateStoreAsync();
        var hold = TimeSpan.FromSeconds(20);
        using var a = Start("node-a", cluster, source, hold);
        using var b = Start("node-b", cluster, source, hold);
        await WaitForNodesAsync(cluster, 2);
        Assert.Equal(0, await JobsAsync(cluster, source, "trigger", "ingest", "--chain"));
        await WaitUntilAsync(cluster, "SELECT COUNT(*) FROM job_runs WHERE job = 'score' AND status = 'running'", TimeSpan.FromMinutes(3));
        var victimName = await ScalarAsync<string>(cluster, "SELECT node FROM job_runs WHERE job = 'score' AND status = 'running'");
        var (victim, survivor, survivorName) = victimName == "node-a" ? (a, b, "node-b") : (b, a, "node-a");
        victim.Kill(entireProcessTree: true); // SIGKILL: the node gets no chance to hand anything over
        var killed = Stopwatch.StartNew();
        await WaitUntilAsync(cluster, $"SELECT COUNT(*) FROM job_runs WHERE job = 'score' AND node = '{survivorName}'", TimeSpan.FromMinutes(2));
        var recovery = killed.Elapsed;
        await WaitUntilAsync(cluster, "SELECT COUNT(*) FROM job_runs WHERE job = 'signals' AND status <> 'running'", TimeSpan.FromMinutes(3));
        var finished = killed.Elapsed;
        await StopAsync(survivor);
        output.WriteLine($"killed {victimName} during 'score'; {survivorName} started it again {recovery.TotalSeconds:0.0} s later and finished the chain {finished.TotalSeconds:0.0} s after the kill");

        var runs = (await QueryAsync<(string Job, string Node, string Status, string StartedAt, string? FinishedAt)>(cluster,
            "SELECT job, node, status, started_at, finished_at FROM job_runs ORDER BY run_id")).ToList();
        foreach (var run in runs)
        {
            output.WriteLine($"{run.Job} {run.Node} {run.Status} {run.StartedAt} -> {run.FinishedAt}");
        }

        Assert.Equal(
            [("ingest", "succeeded"), ("score", "interrupted"), ("score", "succeeded"), ("signals", "succeeded")],
            runs.Select(r => (r.Job, r.Status)).ToList());
        Assert.Equal(victimName, runs[1].Node);
        Assert.Equal(survivorName, runs[2].Node);
        // No job ran twice at the same time: each run of a job starts after the one before it ended.
        foreach (var job in runs.GroupBy(r => r.Job))
        {
            var ordered = job.ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(string.CompareOrdinal(ordered[i].StartedAt, ordered[i - 1].FinishedAt) >= 0, $"{job.Key} overlapped: {ordered[i - 1].FinishedAt} > {ordered[i].StartedAt}");
            }
        }

        Assert.Equal(await ChecksumsAsync(clean), await ChecksumsAsync(cluster));
        // The sliding invisibility timeout (Schedule:InvisibilityTimeout, 10 s) after the dead node last renewed the job.
        Assert.True(recovery < TimeSpan.FromSeconds(15), $"recovery took {recovery}");
    }

    [StoreFact]
    public async Task Run_TwoNodes_BothScoreBatchesOfEveryStepAndTheStoreEndsAsOneNodeRun()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 400, Months = 18, Seed = 11, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        // 100 accounts a batch: four batch jobs for each of score, signals and reports; each holds its worker 2 s.
        (string, string)[] batches = [("CHURNWATCH__Store__AccountsPerBatch", "100")];
        var hold = TimeSpan.FromSeconds(2);

        async Task RunChainAndReportsAsync(string store)
        {
            Assert.Equal(0, await JobsAsync(store, source, "trigger", "ingest", "--chain"));
            await WaitUntilAsync(store, "SELECT COUNT(*) FROM job_runs WHERE job = 'signals' AND status <> 'running'", TimeSpan.FromMinutes(4));
            Assert.Equal(0, await JobsAsync(store, source, "trigger", "reports"));
            await WaitUntilAsync(store, "SELECT COUNT(*) FROM job_runs WHERE job = 'reports' AND status <> 'running'", TimeSpan.FromMinutes(3));
            Assert.Equal(
                ["ingest succeeded", "score succeeded", "signals succeeded", "reports succeeded"],
                await QueryAsync<string>(store, "SELECT job || ' ' || status FROM job_runs ORDER BY run_id"));
        }

        var single = await CreateStoreAsync();
        using (var node = Start("solo", single, source, hold, batches))
        {
            await WaitForNodesAsync(single, 1);
            await RunChainAndReportsAsync(single);
            await StopAsync(node);
        }

        var cluster = await CreateStoreAsync();
        using var a = Start("node-a", cluster, source, hold, batches);
        using var b = Start("node-b", cluster, source, hold, batches);
        await WaitForNodesAsync(cluster, 2);
        await RunChainAndReportsAsync(cluster);
        await StopAsync(a);
        await StopAsync(b);

        var ran = (await QueryAsync<(string FanOut, string Node, string Status)>(cluster, "SELECT fan_out, node, status FROM batch_results ORDER BY fan_out, batch")).ToList();
        foreach (var run in ran)
        {
            output.WriteLine($"{run.FanOut} {run.Node} {run.Status}");
        }

        foreach (var job in new[] { "score", "signals", "reports" })
        {
            var batchRuns = ran.Where(r => r.FanOut.StartsWith(job + "-", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, batchRuns.Count);
            Assert.All(batchRuns, r => Assert.Equal("succeeded", r.Status));
            Assert.Equal(["node-a", "node-b"], batchRuns.Select(r => r.Node).Distinct().Order(StringComparer.Ordinal));
        }

        Assert.Equal(await ChecksumsAsync(single), await ChecksumsAsync(cluster));
        // The reports the cluster wrote (on the node that ran the reports step) are the one node's, byte for byte.
        var reportsNode = await ScalarAsync<string>(cluster, "SELECT node FROM job_runs WHERE job = 'reports'");
        foreach (var file in new[] { Worker.Reports.AccountRiskCsv.FileName, Worker.Adoption.FeatureUsageExport.FileName })
        {
            Assert.Equal(
                await File.ReadAllTextAsync(Path.Combine(_folder.File("out-solo"), file)),
                await File.ReadAllTextAsync(Path.Combine(_folder.File("out-" + reportsNode), file)));
        }

        // The scheduled score job scores renewals with the stored renewal model too.
        Assert.True(await ScalarAsync<long>(cluster, "SELECT COUNT(*) FROM scores WHERE renewal_probability IS NOT NULL") > 0);
    }

    private Process Start(string node, string connectionString, string source, TimeSpan hold, params (string Name, string Value)[] settings)
    {
        var info = Info(["run"], node, connectionString, source, hold);
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        Drain(process, node);
        return process;
    }

    private async Task<int> JobsAsync(string connectionString, string source, params string[] arguments)
    {
        using var process = Process.Start(Info(["jobs", .. arguments], "cli", connectionString, source, TimeSpan.Zero))!;
        Drain(process, "cli");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private ProcessStartInfo Info(string[] arguments, string node, string connectionString, string source, TimeSpan hold)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), arguments)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CHURNWATCH__Store__Provider"] = "PostgreSql";
        info.Environment["CHURNWATCH__Store__ConnectionString"] = connectionString;
        info.Environment["CHURNWATCH__Store__DataFolder"] = _folder.File("data-" + node);
        info.Environment["CHURNWATCH__Source__ConnectionString"] = $"Data Source={source}";
        info.Environment["CHURNWATCH__Output__Folder"] = _folder.File("out-" + node);
        info.Environment["CHURNWATCH__Schedule__NodeName"] = node;
        info.Environment["CHURNWATCH__Schedule__TestDelay"] = hold.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CHURNWATCH__Health__Port"] = "0";
        info.Environment["CHURNWATCH__Logging__LogLevel__Default"] = "Warning";
        foreach (var key in new[] { "Ingest", "Scoring", "Reports", "Forecast", "Retraining" })
        {
            info.Environment[$"CHURNWATCH__Schedule__{key}"] = Never;
        }

        return info;
    }

    private void Drain(Process process, string name)
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Log($"[{name}] {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Log($"[{name}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // a line that arrives after the test ended
        }
    }

    private static async Task StopAsync(Process process)
    {
        await SignalAsync(process, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Sends a signal with kill(1): .NET can send SIGKILL itself, not SIGTERM.</summary>
    internal static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private async Task<string> CreateStoreAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("cw_cluster");
        _databases.Add(connectionString);
        return connectionString;
    }

    /// <summary>Waits until the nodes' Hangfire servers are up (Hangfire.PostgreSql's server table; each node also runs a batch server).</summary>
    private static Task WaitForNodesAsync(string connectionString, int nodes) =>
        WaitUntilAsync(connectionString, "SELECT COUNT(*) FROM hangfire.server WHERE id LIKE '%:batches:%'", TimeSpan.FromMinutes(2), nodes);

    private static async Task WaitUntilAsync(string connectionString, string countSql, TimeSpan timeout, long atLeast = 1)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await ScalarAsync<long>(connectionString, countSql) >= atLeast)
                {
                    return;
                }
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "42P01")
            {
                // the tables are not there yet: the node is still starting
            }

            Assert.True(clock.Elapsed < timeout, $"waited {timeout} for: {countSql}");
            await Task.Delay(250);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static async Task<IEnumerable<T>> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return await connection.QueryAsync<T>(sql);
    }

    private Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(string connectionString) =>
        StoreChecksum.OfChainOutputsAsync(new StoreDatabase(Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = connectionString, DataFolder = _folder.Path }), TimeProvider.System));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
