using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Ingestion.Sources;

/// <summary>A SQLite source: timestamps are ISO-8601 UTC text, so text comparison is time comparison.</summary>
internal sealed class SqliteSourceDialect : SourceDialect
{
    protected override string Day => "substr(occurred_at, 1, 10)";

    // The week starts on Monday: step back six days, then forward to the next Monday (itself when it is one).
    protected override string WeekStart => "date(substr(occurred_at, 1, 10), '-6 days', 'weekday 1')";

    public override SourceProvider Provider => SourceProvider.Sqlite;

    public override string TableExists => "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = @name";

    public override DbConnection CreateConnection(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Read-only: ChurnWatch never writes to a company's database, and must not create an empty one by mistake.
        if (!File.Exists(builder.DataSource))
        {
            throw new SourceDataException($"The source database file '{builder.DataSource}' (Source:ConnectionString) does not exist.");
        }

        if (!IsSqliteFile(builder.DataSource))
        {
            throw new SourceDataException($"The source file '{builder.DataSource}' (Source:ConnectionString) is not a SQLite database.");
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        return new SqliteConnection(builder.ToString());
    }

    public override async Task VerifyAsync(DbConnection connection, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var probe = connection.CreateCommand();
        // Opening reads nothing; the first read of the schema is where SQLite finds out what the file is.
        probe.CommandText = "SELECT COUNT(*) FROM sqlite_master";
        try
        {
            await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT)
        {
            // The header was right (CreateConnection checks it), so the file is a damaged database.
            throw new SourceDataException(
                $"The source, {Describe(connectionString)} (Source:ConnectionString), is not a SQLite database or is damaged: {e.Message} " +
                "Point Source:ConnectionString at the company's SQLite database, or use CSV drops (CsvDrops:Folder) for CSV files.", e);
        }
    }

    // SQLite reads a file lazily, so a text file would fail at the first query with "file is not a database".
    // Every SQLite database starts with this header; an empty file is an empty database.
    private static bool IsSqliteFile(string path)
    {
        ReadOnlySpan<byte> header = "SQLite format 3\0"u8;
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> start = stackalloc byte[16];
            return file.Length == 0 || (file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(header));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceDataException($"The source file '{path}' (Source:ConnectionString) cannot be read: {e.Message}", e);
        }
    }

    public override string Describe(string connectionString) => $"SQLite file {new SqliteConnectionStringBuilder(connectionString).DataSource}";

    public override object SinceParameter(DateTime since) => StoreText.Instant(since);

    protected override string SumOfQuantity => "SUM(quantity)";
}
