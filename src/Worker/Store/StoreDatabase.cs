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

    /// <summary>
    /// Runs <paramref name="change"/> in a transaction and, when it changed something (returned true),
    /// <paramref name="alongside"/> in the same transaction, then commits: the change and its record are stored together
    /// or not at all. False, with nothing stored, when the change found nothing to change.
    /// </summary>
    public async Task<bool> ChangeAsync(Func<DbConnection, DbTransaction, Task<bool>> change, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await change(connection, transaction).ConfigureAwait(false))
        {
            return false;
        }

        if (alongside is not null)
        {
            await alongside(transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Applies missing migrations; returns the versions applied now (empty when already current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var runner = new MigrationRunner(MigrationCatalog.For(_options.Provider), timeProvider);
        return await runner.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
