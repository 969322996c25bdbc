using Npgsql;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// The real PostgreSQL server the tests use: <c>CHURNWATCH_TEST_POSTGRES</c> names it (scripts/test.sh installs,
/// starts and sets it). Each test gets a database of its own, dropped when it ends.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "CHURNWATCH_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string ConnectionString =>
        Configured
            ?? throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to a connection string (Host=127.0.0.1;Port=...;Username=postgres), or run bash scripts/test.sh, which installs and starts one.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = false }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
