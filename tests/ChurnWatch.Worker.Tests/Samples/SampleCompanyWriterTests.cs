using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Tests.TestSupport;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Tests.Samples;

public sealed class SampleCompanyWriterTests
{
    private static readonly SampleCompany Company =
        new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 100, Months = 12, Seed = 11, End = new DateOnly(2026, 6, 1) }).Generate();

    private static readonly string[] CsvFiles =
        ["accounts.csv", "invoices.csv", "payment_attempts.csv", "subscriptions.csv", "tickets.csv", "usage_events.csv"];

    private static readonly long UsageCount = Company.UsageEvents.LongCount();

    [Fact]
    public void WriteSqlite_SmallCompany_EveryTableHoldsEveryRecord()
    {
        using var folder = new TempFolder();
        var path = folder.File("sample.db");

        var summary = new SampleCompanyWriter().WriteSqlite(Company, path, CancellationToken.None);

        using var connection = Open(path);
        Assert.Equal(Company.Accounts.Count, Count(connection, "accounts"));
        Assert.Equal(Company.Subscriptions.Count, Count(connection, "subscriptions"));
        Assert.Equal(Company.Tickets.Count, Count(connection, "tickets"));
        Assert.Equal(Company.Invoices.Count, Count(connection, "invoices"));
        Assert.Equal(Company.PaymentAttempts.Count, Count(connection, "payment_attempts"));
        Assert.Equal(UsageCount, Count(connection, "usage_events"));
        Assert.Equal(UsageCount, summary.RowsIn("usage_events"));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void WriteSqlite_OpenThings_AreNullAndTimestampsIsoUtc()
    {
        using var folder = new TempFolder();
        var path = folder.File("sample.db");

        new SampleCompanyWriter().WriteSqlite(Company, path, CancellationToken.None);

        using var connection = Open(path);
        Assert.Equal(Company.Subscriptions.Count(s => s.EndedAt is null), Scalar(connection, "SELECT COUNT(*) FROM subscriptions WHERE ended_at IS NULL"));
        Assert.Equal(Company.Tickets.Count(t => t.ResolvedAt is null), Scalar(connection, "SELECT COUNT(*) FROM tickets WHERE resolved_at IS NULL"));
        Assert.Equal(Company.Invoices.Count(i => i.Status == "open"), Scalar(connection, "SELECT COUNT(*) FROM invoices WHERE status = 'open' AND paid_at IS NULL"));
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM usage_events WHERE occurred_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'"));
        Assert.Equal(
            decimal.Round(Company.Subscriptions.Where(s => s.EndedAt is null).Sum(s => s.Mrr), 2),
            decimal.Round(Convert.ToDecimal(ScalarObject(connection, "SELECT SUM(mrr) FROM subscriptions WHERE ended_at IS NULL"), System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.Equal(1, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_usage_events_account_feature_time'"));
    }

    [Fact]
    public void WriteCsv_SmallCompany_OneFilePerTableWithContractHeaders()
    {
        using var folder = new TempFolder();
        var directory = folder.File("company");

        new SampleCompanyWriter().WriteCsv(Company, directory, CancellationToken.None);

        Assert.Equal(CsvFiles, Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal((long)Company.Accounts.Count, ReadCsv(directory, SourceContract.Accounts.Name, SourceContract.Accounts.Columns));
        Assert.Equal((long)Company.Subscriptions.Count, ReadCsv(directory, SourceContract.Subscriptions.Name, SourceContract.Subscriptions.Columns));
        Assert.Equal((long)Company.Tickets.Count, ReadCsv(directory, SourceContract.Tickets.Name, SourceContract.Tickets.Columns));
        Assert.Equal((long)Company.Invoices.Count, ReadCsv(directory, SourceContract.Invoices.Name, SourceContract.Invoices.Columns));
        Assert.Equal((long)Company.PaymentAttempts.Count, ReadCsv(directory, SourceContract.PaymentAttempts.Name, SourceContract.PaymentAttempts.Columns));
        Assert.Equal(UsageCount, ReadCsv(directory, SourceContract.UsageEvents.Name, SourceContract.UsageEvents.Columns));
        Assert.False(Directory.Exists(directory + ".partial"));
    }

    [Fact]
    public void WriteSqlite_UsageStreamFails_LeavesNoFileAndKeepsThePreviousOne()
    {
        using var folder = new TempFolder();
        var path = folder.File("sample.db");
        File.WriteAllText(path, "previous");
        var broken = Company with { UsageEvents = FailAfter(Company.UsageEvents, 1000) };

        Assert.Throws<IOException>(() => new SampleCompanyWriter().WriteSqlite(broken, path, CancellationToken.None));

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal("sample.db", Path.GetFileName(Assert.Single(Directory.GetFileSystemEntries(folder.Path))));
    }

    [Fact]
    public void WriteSqlite_UsageStreamFails_NoFileAtAll()
    {
        using var folder = new TempFolder();
        var path = folder.File("new.db");
        var broken = Company with { UsageEvents = FailAfter(Company.UsageEvents, 10) };

        Assert.Throws<IOException>(() => new SampleCompanyWriter().WriteSqlite(broken, path, CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void WriteCsv_UsageStreamFails_LeavesNoFolder()
    {
        using var folder = new TempFolder();
        var directory = folder.File("company");
        var broken = Company with { UsageEvents = FailAfter(Company.UsageEvents, 10) };

        Assert.Throws<IOException>(() => new SampleCompanyWriter().WriteCsv(broken, directory, CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void WriteSqlite_Cancelled_LeavesNoFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("sample.db");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new SampleCompanyWriter().WriteSqlite(Company, path, cancellation.Token));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void WriteSqlite_Progress_ReportsEveryAccountWithUsage()
    {
        using var folder = new TempFolder();
        var reported = new List<int>();

        new SampleCompanyWriter(reported.Add).WriteSqlite(Company, folder.File("sample.db"), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, Company.UsageEvents.Select(e => e.AccountId).Distinct().Count()), reported);
    }

    private static IEnumerable<UsageEvent> FailAfter(IEnumerable<UsageEvent> events, int count)
    {
        foreach (var e in events.Take(count))
        {
            yield return e;
        }

        throw new IOException("Simulated failure half way through the usage events.");
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static long Count(SqliteConnection connection, string table) => table switch
    {
        // Table names come from this fixed list, never from input.
        "accounts" => Scalar(connection, "SELECT COUNT(*) FROM accounts"),
        "subscriptions" => Scalar(connection, "SELECT COUNT(*) FROM subscriptions"),
        "tickets" => Scalar(connection, "SELECT COUNT(*) FROM tickets"),
        "invoices" => Scalar(connection, "SELECT COUNT(*) FROM invoices"),
        "payment_attempts" => Scalar(connection, "SELECT COUNT(*) FROM payment_attempts"),
        _ => Scalar(connection, "SELECT COUNT(*) FROM usage_events"),
    };

    private static long Scalar(SqliteConnection connection, string sql) => (long)ScalarObject(connection, sql)!;

    private static object? ScalarObject(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static long ReadCsv(string directory, string table, IReadOnlyList<string> columns)
    {
        using var text = new StreamReader(Path.Combine(directory, table + ".csv"));
        using var csv = CsvReader.Create(text, null, leaveOpen: true);
        Assert.Equal(columns, csv.Headers);
        long rows = 0;
        while (csv.Read())
        {
            Assert.False(string.IsNullOrEmpty(csv.GetString(0)));
            rows++;
        }

        return rows;
    }
}
