using System.Diagnostics;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChurnWatch.Worker.Tests.Ingestion;

/// <summary>
/// The real <c>churnwatch ingest</c> process, killed with SIGKILL at seeded random moments and then run again, must
/// leave the store exactly as one clean run does: same rows in every table, same watermarks.
/// </summary>
[Collection(AloneTests.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ingest_KilledAtRandomMomentsThenRunAgain_EndsAsOneCleanRun()
    {
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 800, Months = 24, Seed = 11, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await RunToEndAsync("clean", source));
        var cleanSeconds = clock.Elapsed.TotalSeconds;
        var expected = await ChecksumAsync("clean");

        var random = new Random(20261122);
        var kills = 0;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var delay = TimeSpan.FromSeconds(cleanSeconds * (0.05 + 0.75 * random.NextDouble()));
            // A full re-read takes as long as the clean run, so the random moment can fall anywhere inside it.
            using var process = Start("crashed", source, "--full");
            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
                kills++;
            }

            await process.WaitForExitAsync();
            output.WriteLine($"attempt {attempt}: after {delay.TotalSeconds:0.00}s exit {process.ExitCode}");
        }

        Assert.Equal(0, await RunToEndAsync("crashed", source));

        Assert.True(kills >= 4, $"only {kills} of 6 runs were killed before they finished; the test proves little");
        output.WriteLine($"clean run {cleanSeconds:0.0}s, {kills} runs killed");
        Assert.Equal(expected, await ChecksumAsync("crashed"));
    }

    private Process Start(string store, string source, params string[] options)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), ["ingest", .. options])
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CHURNWATCH__Store__DataFolder"] = _folder.File(store);
        info.Environment["CHURNWATCH__Source__ConnectionString"] = $"Data Source={source}";
        info.Environment["CHURNWATCH__Output__Folder"] = _folder.File(store + "-out");
        var process = Process.Start(info)!;
        // Drain the pipes so a chatty process never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<int> RunToEndAsync(string store, string source)
    {
        using var process = Start(store, source);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private async Task<IReadOnlyDictionary<string, string>> ChecksumAsync(string store)
    {
        var database = new StoreDatabase(Options.Create(new StoreOptions { DataFolder = _folder.File(store) }), TimeProvider.System);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }

        var checksums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { "accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts" })
        {
            checksums[table] = await StoreChecksum.OfDataAsync(database, [table]);
        }

        // last_ingest_at is when a run happened, which differs by nature; everything else must be identical.
        checksums["source_freshness"] = await StoreChecksum.OfQueryAsync(database, "SELECT entity, provided, row_count, newest_data_at FROM source_freshness ORDER BY entity");
        return checksums;
    }

    public void Dispose() => _folder.Dispose();
}
