using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>
/// The commands that read the whole store (<c>signals evaluate</c>, <c>reasons evaluate</c>, <c>export feature-usage</c>, the hidden
/// <c>model observations</c>) as real <c>churnwatch</c> processes after a real demo: read a batch of accounts at a
/// time, they must print and write exactly what they do with the company in one batch.
/// </summary>
public sealed class BatchedCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Commands_InBatchesOf100Accounts_GiveExactlyTheOneBatchResults()
    {
        var demo = await RunAsync(["demo", "--accounts", "300", "--months", "16", "--data", _folder.File("data"), "--out", _folder.File("out")], batch: 100);
        Assert.True(demo.ExitCode == 0, demo.Error);

        var results = new List<string[]>();
        foreach (var batch in new[] { 100, 1_000_000 })
        {
            var evaluate = await RunAsync(["signals", "evaluate", "--weeks", "4", "--markdown"], batch);
            Assert.True(evaluate.ExitCode == 0, evaluate.Error);
            var usage = _folder.File($"usage-{batch}.csv");
            var export = await RunAsync(["export", "feature-usage", "--from", "2025-09-01", "--to", "2025-11-30", "--grain", "month", "--by", "plan", "--out", usage], batch);
            Assert.True(export.ExitCode == 0, export.Error);
            var observations = _folder.File($"observations-{batch}.csv");
            var table = await RunAsync(["model", "observations", "--out", observations], batch);
            Assert.True(table.ExitCode == 0, table.Error);
            results.Add([evaluate.Output, export.Output.Replace(usage, "FILE", StringComparison.Ordinal), await File.ReadAllTextAsync(usage),
                table.Output.Replace(observations, "FILE", StringComparison.Ordinal), await File.ReadAllTextAsync(observations)]);
        }

        Assert.Equal(results[1], results[0]);
        // Printed to a pipe, the lift table keeps each kind on one line with all eight columns (not wrapped at 80).
        var piped = await RunAsync(["signals", "evaluate", "--weeks", "4"], 100);
        var riskJump = Assert.Single(piped.Output.Split('\n'), line => line.Contains("Risk jump", StringComparison.Ordinal));
        Assert.Equal(9, riskJump.Count(c => c is '│' or '|'));
        Assert.True(riskJump.Length > 80, riskJump);

        // Too many weeks for this history: the message gives the most that can be replayed, and that many can.
        var tooMany = await RunAsync(["signals", "evaluate", "--weeks", "104"], 100);
        Assert.Equal(4, tooMany.ExitCode);
        var most = int.Parse(System.Text.RegularExpressions.Regex.Match(tooMany.Error, @"Replay at most (\d+) weeks").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await RunAsync(["signals", "evaluate", "--weeks", $"{most}", "--markdown"], 100)).ExitCode);
        Assert.Equal(4, (await RunAsync(["signals", "evaluate", "--weeks", $"{most + 1}", "--markdown"], 100)).ExitCode);
        Assert.Contains("| Risk jump |", results[0][0], StringComparison.Ordinal);
        Assert.True(results[0][2].Split('\n').Length > 10, results[0][2]);
        // The summary line counts what the file holds.
        var rows = results[0][4].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var accounts = rows.Select(r => r.Split(',')[0]).Distinct(StringComparer.Ordinal).Count();
        Assert.InRange(accounts, 100, 300);
        Assert.StartsWith($"{rows.Count} observations of {accounts} accounts", results[0][3], StringComparison.Ordinal);

        // The reasons' replay, over as many weeks as this history allows: on 4 weeks of 300 accounts no account-week
        // outside the usage drop churned in its bands, so its lift has nothing to compare with.
        var reasons = new List<string>();
        foreach (var batch in new[] { 100, 1_000_000 })
        {
            var replay = await RunAsync(["reasons", "evaluate", "--weeks", $"{most}", "--markdown"], batch);
            Assert.True(replay.ExitCode == 0, replay.Error);
            reasons.Add(replay.Output);
        }

        Assert.Equal(reasons[1], reasons[0]);
        foreach (var row in new[] { "| usage drop |", "| support |", "| billing |", "| none raising |", "| low | usage drop |", "| medium | usage drop |", "| high | usage drop |" })
        {
            Assert.Contains(row, reasons[0], StringComparison.Ordinal);
        }

        var lift = System.Text.RegularExpressions.Regex.Match(reasons[0], @"band-adjusted lift (\d+\.\d+)\.");
        Assert.True(lift.Success, reasons[0]);
        Assert.True(double.Parse(lift.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, reasons[0]);
        Assert.Equal(4, (await RunAsync(["reasons", "evaluate", "--weeks", $"{most + 1}"], 100)).ExitCode);
        Assert.Equal(2, (await RunAsync(["reasons", "evaluate", "--weeks", "3"], 100)).ExitCode);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, int batch) =>
        ChurnWatchProcess.RunAsync(_folder.Path, arguments, TimeSpan.FromMinutes(3),
            ("CHURNWATCH__Sample__End", "2026-03-01"),
            ("CHURNWATCH__Store__DataFolder", _folder.File("data")),
            ("CHURNWATCH__Store__AccountsPerBatch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose() => _folder.Dispose();
}
