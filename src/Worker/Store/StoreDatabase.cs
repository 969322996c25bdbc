using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Opens connections to the ChurnWatch store and brings its schema up to date. The rest of the store code only
/// sees <see cref="DbConnection"/>, so PostgreSQL and SQL Server stores slot in here.
/// </summary>
internal sealed class StoreDatabase(IOptions<StoreOptions> options, TimeProvider timeProvider)
{
    private readonly StoreOptions _options = options.Value;

    public StoreProvider Provider => _options.Provider;

    /// <summary>Opens a connection; for SQLite, creates the data folder and sets the pragmas the store relies on.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.DataFolder);
        var connection = new SqliteConnection(_options.SqliteConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // WAL lets reports read while an ingest writes; busy_timeout waits for a lock instead of failing at once.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Applies missing migrations; returns the versions applied now (empty when already current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var runner = new MigrationRunner(MigrationCatalog.For(_options.Provider), timeProvider);
        return await runner.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
