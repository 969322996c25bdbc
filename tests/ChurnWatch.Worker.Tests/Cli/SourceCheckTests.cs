using System.Security.Cryptography;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>
/// <c>churnwatch source check</c> as a real process: what it finds in a source, what it says ChurnWatch can do with it,
/// its exit code, and that it writes nothing (no store, no output, CSV drops left waiting).
/// </summary>
public sealed class SourceCheckTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Check_SelfServeCompanyOfFiveMonths_SaysWhatIsOffAndThatTheHistoryIsTooShort_ThenPassesOnShorterSettings()
    {
        var source = _folder.File("company.db");
        var generate = await RunAsync(["samples", "generate", "--accounts", "300", "--months", "5", "--end", "2026-03-01", "--profile", "self-serve", "--out", source],
            ("CHURNWATCH__Source__ConnectionString", $"Data Source={source}"));
        Assert.True(generate.ExitCode == 0, generate.Error);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(source));

        var check = await RunAsync(["source", "check"], ("CHURNWATCH__Source__ConnectionString", $"Data Source={source}"));
        var shorter = await RunAsync(["source", "check"], ("CHURNWATCH__Source__ConnectionString", $"Data Source={source}"),
            ("CHURNWATCH__Modeling__WarmUpDays", "28"), ("CHURNWATCH__Modeling__HorizonDays", "28"), ("CHURNWATCH__Modeling__GraceDays", "7"), ("CHURNWATCH__Modeling__BacktestTestDays", "28"));

        Assert.Equal(4, check.ExitCode);
        Assert.Contains("needs 408 days", check.Output, StringComparison.Ordinal);
        Assert.Contains("Modeling:HorizonDays (90)", check.Output, StringComparison.Ordinal);
        Assert.Contains("No tickets", check.Output, StringComparison.Ordinal);
        Assert.Contains("No invoices or payment attempts", check.Output, StringComparison.Ordinal);
        Assert.Contains("Every subscription is monthly", check.Output, StringComparison.Ordinal);
        Assert.Contains("more than one seat", check.Output, StringComparison.Ordinal);
        Assert.True(shorter.ExitCode == 0, shorter.Output + shorter.Error);
        Assert.Contains("The pipeline can run on this source", shorter.Output, StringComparison.Ordinal);
        // Nothing written: no store, no output folder, the source as it was.
        Assert.False(Directory.Exists(_folder.File("data")));
        Assert.False(Directory.Exists(_folder.File("out")));
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(source)));
    }

    [Fact]
    public async Task Check_SourceWithAMissingColumnAndAMissingTable_ReportsBothEntitiesInOneRun()
    {
        var source = _folder.File("broken.db");
        var generate = await RunAsync(["samples", "generate", "--accounts", "50", "--months", "5", "--end", "2026-03-01", "--out", source]);
        Assert.True(generate.ExitCode == 0, generate.Error);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE accounts RENAME COLUMN region TO area; DROP TABLE usage_events;";
            await command.ExecuteNonQueryAsync();
        }

        var check = await RunAsync(["source", "check"], ("CHURNWATCH__Source__ConnectionString", $"Data Source={source}"));

        Assert.Equal(4, check.ExitCode);
        Assert.Contains("no such column: region", check.Output, StringComparison.Ordinal);
        Assert.Contains("has no table 'usage_events'", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CsvDropWithABadRow_ShowsTheRowAndWhy_AndLeavesTheFilesWaiting()
    {
        var drops = _folder.File("drops");
        Directory.CreateDirectory(Path.Combine(drops, "accounts"));
        var accounts = Path.Combine(drops, "accounts", "accounts.csv");
        // Twenty good rows and a bad one (under Ingest:MaxRejectedShare, 5%): the file would load, that row refused.
        await File.WriteAllLinesAsync(accounts,
        [
            "account_id,name,owner_email,segment,region,created_at,seats_licensed",
            .. Enumerable.Range(1, 20).Select(i => $"A{i},Acme {i},ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10"),
            "A21,Globex,ben@vendor.test,Enterprise,NA,yesterday,50",
        ]);

        var check = await RunAsync(["source", "check"], ("CHURNWATCH__Source__Provider", "None"), ("CHURNWATCH__CsvDrops__Folder", drops));

        // No subscriptions or usage: the pipeline cannot run, and the check says which are missing.
        Assert.Equal(4, check.ExitCode);
        Assert.Contains("accounts.csv:22", check.Output, StringComparison.Ordinal);
        Assert.Contains("'yesterday' is not a timestamp", check.Output, StringComparison.Ordinal);
        Assert.Contains("required: the pipeline needs it", check.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(accounts), "the dropped file was moved");
        Assert.False(Directory.Exists(Path.Combine(drops, "processed")));
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, params (string Name, string Value)[] environment) =>
        ChurnWatchProcess.RunAsync(_folder.Path, arguments, TimeSpan.FromMinutes(3), [("CHURNWATCH__Store__DataFolder", _folder.File("data")), .. environment]);

    public void Dispose() => _folder.Dispose();
}
