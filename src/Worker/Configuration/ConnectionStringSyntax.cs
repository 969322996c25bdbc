using System.Data.Common;

namespace ChurnWatch.Worker.Configuration;

/// <summary>
/// Reads a connection string without connecting, so a malformed one is a bad setting found at start (exit 3), in
/// Store:ConnectionString and Source:ConnectionString alike; only reaching the server is left for later.
/// </summary>
internal static class ConnectionStringSyntax
{
    /// <summary>What the provider's parser says is wrong: it names a keyword, never a value (the string may hold a password); null when it parses.</summary>
    public static string? ProblemOf(string connectionString, Func<string, DbConnectionStringBuilder> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            _ = parse(connectionString).ConnectionString;
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
