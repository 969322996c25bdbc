using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChurnWatch.Worker.Tests.Samples;

/// <summary>
/// The PostgreSQL output of the sample generator, against the real server of <c>CHURNWATCH_TEST_POSTGRES</c> (skipped
/// without it, like the store tests): each test writes into a fresh database of its own.
/// </summary>
public abstract class SampleCompanyDatabaseWriterTests<TProvider> : IAsyncLifetime, IDisposable
    where TProvider : StoreTestProvider, new()
{
    private static readonly SampleCompany Company =
        new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 30, Months = 3, Seed = 7, End = new DateOnly(2026, 6, 1) }).Generate();

    private readonly TempFolder _folder = new();
    private string _database = null!;

    public async Task InitializeAsync()
    {
        if (new TProvider().SkipReason is null)
        {
            _database = await PostgresServer.CreateDatabaseAsync("cw_sample");
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public async Task WritePostgreSql_SmallCompany_RowCountsEqualTheSqliteWriters()
    {
        var sqlitePath = _folder.File("sample.db");
        var sqlite = new SampleCompanyWriter().WriteSqlite(Company, sqlitePath, CancellationToken.None);

        var postgres = new SampleCompanyWriter().WritePostgreSql(Company, _database, CancellationToken.None);

        Assert.Equal(sqlite.RowsPerTable, postgres.RowsPerTable);
        await using var connection = await OpenAsync();
        using var file = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        file.Open();
        foreach (var table in SourceContract.TableNames)
        {
            using var count = file.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {table}"; // names from the contract, not input
            Assert.Equal((long)count.ExecuteScalar()!, await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM {table}"));
        }

        Assert.True(postgres.RowsIn("usage_events") > 1000);
    }

    [StoreFact]
    public async Task WritePostgreSql_SmallCompany_TypedColumnsIndexesAndValues()
    {
        new SampleCompanyWriter().WritePostgreSql(Company, _database, CancellationToken.None);

        await using var connection = await OpenAsync();
        Assert.Equal("timestamp with time zone", await ScalarAsync<string>(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'usage_events' AND column_name = 'occurred_at'"));
        Assert.Equal("date", await ScalarAsync<string>(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'subscriptions' AND column_name = 'renewal_date'"));
        Assert.Equal("boolean", await ScalarAsync<string>(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'sla_breached'"));
        Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_usage_events_account_feature_time'"));
        var first = Company.UsageEvents.First();
        Assert.Equal(first.OccurredAt, (await ScalarAsync<DateTime>(connection,
            $"SELECT MIN(occurred_at) FROM usage_events WHERE account_id = '{first.AccountId}' AND user_id = '{first.UserId}' AND feature = '{first.Feature}' AND occurred_at = '{SourceContract.Timestamp(first.OccurredAt)}'")).ToUniversalTime());
        Assert.Equal(Company.Subscriptions.Count(s => s.EndedAt is null), await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM subscriptions WHERE ended_at IS NULL"));
        Assert.Equal(decimal.Round(Company.Invoices.Sum(i => i.Amount), 2), await ScalarAsync<decimal>(connection, "SELECT SUM(amount) FROM invoices"));
    }

    [StoreFact]
    public async Task WritePostgreSql_UsageStreamFails_LeavesThePreviousTablesUntouched()
    {
        var first = new SampleCompanyWriter().WritePostgreSql(Company, _database, CancellationToken.None);
        var broken = Company with { UsageEvents = FailAfter(Company.UsageEvents, 100) };

        Assert.Throws<IOException>(() => new SampleCompanyWriter().WritePostgreSql(broken, _database, CancellationToken.None));

        await using var connection = await OpenAsync();
        Assert.Equal(first.RowsIn("usage_events"), await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM usage_events"));
        Assert.Equal(first.RowsIn("accounts"), await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM accounts"));
    }

    [StoreFact]
    public async Task WritePostgreSql_UsageStreamFailsOnAnEmptyDatabase_CreatesNoTable()
    {
        var broken = Company with { UsageEvents = FailAfter(Company.UsageEvents, 10) };

        Assert.Throws<IOException>(() => new SampleCompanyWriter().WritePostgreSql(broken, _database, CancellationToken.None));

        await using var connection = await OpenAsync();
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<UsageEvent> FailAfter(IEnumerable<UsageEvent> events, int count)
    {
        foreach (var e in events.Take(count))
        {
            yield return e;
        }

        throw new IOException("Simulated failure half way through the usage events.");
    }
}

public sealed class PostgreSqlSampleCompanyWriterTests : SampleCompanyDatabaseWriterTests<PostgreSqlTestProvider>;
