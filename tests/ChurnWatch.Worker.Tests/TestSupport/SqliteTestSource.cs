using ChurnWatch.Worker.Configuration;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A SQLite file source: timestamps as ISO text, booleans as 0/1.</summary>
internal sealed class SqliteTestSource(string path) : TestSource
{
    public override SourceProvider Provider => SourceProvider.Sqlite;

    public override string ConnectionString => $"Data Source={path}";

    protected override IReadOnlyDictionary<string, string> Types { get; } =
        new Dictionary<string, string> { ["{TS}"] = "TEXT", ["{DATE}"] = "TEXT", ["{BOOL}"] = "INTEGER", ["{MONEY}"] = "REAL" };

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.ExecuteAsync(sql);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
