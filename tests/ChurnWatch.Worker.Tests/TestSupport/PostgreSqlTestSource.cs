using ChurnWatch.Worker.Configuration;
using Dapper;
using Npgsql;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A PostgreSQL database source on the test server: timestamptz, date, boolean, numeric.</summary>
internal sealed class PostgreSqlTestSource : TestSource
{
    private PostgreSqlTestSource(string connectionString) => ConnectionString = connectionString;

    public override SourceProvider Provider => SourceProvider.PostgreSql;

    public override string ConnectionString { get; }

    protected override IReadOnlyDictionary<string, string> Types { get; } =
        new Dictionary<string, string> { ["{TS}"] = "TIMESTAMPTZ", ["{DATE}"] = "DATE", ["{BOOL}"] = "BOOLEAN", ["{MONEY}"] = "NUMERIC(14,2)" };

    public static async Task<PostgreSqlTestSource> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync("cw_source"));

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    public override async ValueTask DisposeAsync() => await PostgresServer.DropDatabaseAsync(ConnectionString);
}
