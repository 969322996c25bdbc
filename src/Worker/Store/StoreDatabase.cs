using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store.Migrations;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// Opens connections to the ChurnWatch store and brings its schema up to date. What differs between SQLite,
/// PostgreSQL and SQL Server lives in <see cref="Dialect"/>; the rest of the store code only sees <see cref="DbConnection"/>.
/// </summary>
internal sealed class StoreDatabase(IOptions<StoreOptions> options, TimeProvider timeProvider)
{
    private readonly StoreOptions _options = options.Value;

    public StoreProvider Provider => _options.Provider;

    public StoreDialect Dialect => StoreDialect.For(_options.Provider);

    /// <summary>Opens a connection; for SQLite, creates the data folder and sets the pragmas the store relies on.</summary>
    /// <exception cref="StoreUnavailableException">A server store cannot be reached; the message names the server, never the password.</exception>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Dialect.OpenAsync(_options, cancellationToken);

    /// <summary>Applies missing migrations; returns the versions applied now (empty when already current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var runner = new MigrationRunner(MigrationCatalog.For(_options.Provider), timeProvider);
        return await runner.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
