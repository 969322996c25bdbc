using System.Diagnostics;
using System.Globalization;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>
/// The real <c>churnwatch ingest</c> process. One rule for connection strings, in the store's and the source's alike: a
/// malformed one is a bad setting (exit 3, naming the key, never the password), an unreachable server or a file that is
/// not a database is bad source data (exit 4). Its standard output is read as a script reads it.
/// </summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private Task<(int ExitCode, string Output, string Error)> IngestAsync(params (string Name, string Value)[] settings) =>
        ChurnWatchProcess.RunAsync(_folder.Path, ["ingest"], [.. settings.Select(s => ("CHURNWATCH__" + s.Name.Replace(":", "__", StringComparison.Ordinal), s.Value))]);

    [Theory]
    [InlineData("Store", "Store:Provider")]
    [InlineData("Source", "Source:Provider")]
    public async Task Ingest_MalformedServerConnectionString_Exits3NamingTheKeyNotThePassword(string section, string providerKey)
    {
        var (exitCode, _, error) = await IngestAsync((providerKey, "PostgreSql"), ($"{section}:ConnectionString", "Host=db;Password=hunter2;Colour=blue"));

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Equal(
            $"Configuration error: {section}:ConnectionString: Not a valid PostgreSql connection string: Couldn't set colour (Parameter 'colour') (appsettings.json or CHURNWATCH__{section}__<Key>){Environment.NewLine}",
            error);
    }

    [Fact]
    public async Task Ingest_MalformedSqliteSourceConnectionString_Exits3NamingTheKey()
    {
        var (exitCode, _, error) = await IngestAsync(("Source:ConnectionString", "Colour=blue"));

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.StartsWith("Configuration error: Source:ConnectionString: Not a valid Sqlite connection string: Connection string keyword 'colour' is not supported.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SourceFileNotADatabase_Exits4NamingTheFile()
    {
        File.WriteAllText(_folder.File("accounts.csv"), "account_id,name\nA1,Acme\n");

        var (exitCode, _, error) = await IngestAsync(("Source:ConnectionString", "Data Source=accounts.csv"));

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Equal($"Source error: The source file 'accounts.csv' (Source:ConnectionString) is not a SQLite database.{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Ingest_SourceServerUnreachable_Exits4NamingTheServer()
    {
        var (exitCode, _, error) = await IngestAsync(("Source:Provider", "PostgreSql"), ("Source:ConnectionString", "Host=127.0.0.1;Port=1;Database=crm;Password=hunter2"));

        Assert.Equal(ExitCodes.BadSourceData, exitCode);
        Assert.Equal($"Source error: Cannot reach the source, PostgreSQL database 'crm' on 127.0.0.1:1: Failed to connect to 127.0.0.1:1{Environment.NewLine}", error);
    }

    [Fact]
    public async Task Ingest_MissingCsvDropFolder_Exits3NamingTheKeyAndThePath()
    {
        var (exitCode, _, error) = await IngestAsync(("Source:Provider", "None"), ("CsvDrops:Folder", "drops"));

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Equal(
            $"Configuration error: CsvDrops:Folder 'drops' ({_folder.File("drops")}) does not exist; create it, or leave CsvDrops:Folder empty to read no CSV drops. (appsettings.json or CHURNWATCH__CsvDrops__<Key>){Environment.NewLine}",
            error);
    }

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
