using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>
/// One rule for connection strings, in the store's and the source's alike: a malformed one is a bad setting (exit 3,
/// naming the key, never the password), an unreachable server or a file that is not a database is bad source data (exit 4).
/// </summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

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
}
