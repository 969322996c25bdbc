using System.Diagnostics;
using System.Globalization;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>The real <c>churnwatch ingest</c> process, its standard output read as a script reads it.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ingest_Tsv_StandardOutputIsTheTableAloneAndProgressGoesToStandardError()
    {
        // Enough usage rows for the progress to be reported several times while reading (every 10,000 rows): before the
        // fix, Spectre's non-interactive renderer printed those reports to standard output, between the table's lines.
        var source = _folder.File("source.db");
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 400, Months = 12, Seed = 5, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), ["ingest", "--full", "--tsv"])
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CHURNWATCH__Store__DataFolder"] = _folder.File("data");
        info.Environment["CHURNWATCH__Source__ConnectionString"] = $"Data Source={source}";
        info.Environment["CHURNWATCH__Output__Folder"] = _folder.File("out");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await error);
        var lines = (await output).Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var rows = lines[..^1].Select(l => l.Split('\t')).ToList();
        Assert.Equal(["entity", "read", "loaded", "refused", "rows_per_second", "seconds", "newest_data"], rows[0]);
        Assert.Equal(
            ["accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts"],
            rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal(7, r.Length);
            Assert.Equal("full", r[1]);
            Assert.Equal("0", r[3]);
        });
        var usageDaily = long.Parse(rows.Single(r => r[0] == "usage_daily")[2], CultureInfo.InvariantCulture);
        Assert.True(usageDaily > 10_000, $"only {usageDaily} usage_daily rows: no progress was reported while reading");
    }

    public void Dispose() => _folder.Dispose();
}
