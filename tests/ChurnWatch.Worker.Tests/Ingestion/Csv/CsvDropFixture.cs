using System.Text;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

/// <summary>A real drop folder and a real SQLite store in one temp folder, and the ingestion over them.</summary>
internal sealed class CsvDropFixture : IDisposable
{
    public const string AccountsCsv =
        """
        account_id,name,owner_email,segment,region,created_at,seats_licensed
        A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10
        A2,"Globex, Inc.",ben@vendor.test,Enterprise,NA,2025-02-03 09:00:00,50
        """;

    private readonly TempFolder _temp = new();

    private CsvDropFixture()
    {
        Database = TestStore.Create(_temp);
        Options.Folder = DropFolder;
        Directory.CreateDirectory(DropFolder);
    }

    public StoreDatabase Database { get; }

    public HistoryStore Store => new(Database);

    public string DropFolder => Path.Combine(_temp.Path, "drops");

    /// <summary>The drop settings; the tests' usage is a year before the clock, so staged weeks are kept ten years unless a test says otherwise.</summary>
    public CsvDropOptions Options { get; } = new() { StagedUsageDays = 3650 };

    /// <summary>The clock of the ingestion (TestStore.Now unless a test moves it).</summary>
    public FixedTimeProvider Clock { get; } = new(TestStore.Now);

    /// <summary>Validation settings; the tests of bad rows allow any share of them, as the default 5% would refuse their small files.</summary>
    public ValidationOptions Validation { get; } = new() { MaxRejectedShare = 1 };

    public static async Task<CsvDropFixture> CreateAsync()
    {
        var fixture = new CsvDropFixture();
        await fixture.Database.MigrateAsync(CancellationToken.None);
        return fixture;
    }

    public CsvDropIngestion Ingestion() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(Validation), Database, Store, Clock);

    /// <summary>
    /// The ingestion as a second host builds it: its own store objects on the same store file, and the same drop
    /// folder unless <paramref name="dropFolder"/> names another.
    /// </summary>
    public CsvDropIngestion OtherHost(string? dropFolder = null)
    {
        var database = TestStore.Create(_temp);
        var options = dropFolder is null ? Options : new CsvDropOptions { Folder = dropFolder, StagedUsageDays = Options.StagedUsageDays, LockWait = Options.LockWait };
        return new(Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(Validation), database, new HistoryStore(database), Clock);
    }

    public Task<CsvDropSummary> RunAsync(IProgress<CsvDropProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Ingestion().RunAsync(progress, cancellationToken);

    /// <summary>Writes a drop file (CRLF line ends, UTF-8 without BOM unless an encoding is given); returns its path.</summary>
    public string Drop(string entity, string fileName, string content, Encoding? encoding = null)
    {
        var folder = Path.Combine(DropFolder, entity);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content.ReplaceLineEndings("\r\n") + "\r\n", encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string Processed(string entity, string fileName) => Path.Combine(DropFolder, CsvDropFolder.ProcessedFolder, entity, fileName);

    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    /// <summary>Every table a drop writes to, CSV bookkeeping included.</summary>
    public Task<string> ChecksumAsync() => StoreChecksum.OfDataAsync(Database,
        ["accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts", "staged_usage_events", "csv_imports", "quarantine", "source_freshness"]);

    public void Dispose() => _temp.Dispose();
}
