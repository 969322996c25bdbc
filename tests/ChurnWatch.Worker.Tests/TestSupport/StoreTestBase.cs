using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// The base of every store test class: a fresh store of <typeparamref name="TProvider"/> per test (xUnit makes a
/// new instance for each), migrated unless the test class says otherwise, and a temp folder for source files.
/// </summary>
public abstract class StoreTestBase<TProvider> : IAsyncLifetime
    where TProvider : StoreTestProvider, new()
{
    private TestStoreHandle? _store;

    protected TProvider Provider { get; } = new();

    protected TempFolder Folder { get; } = new();

    protected FixedTimeProvider Time { get; } = new(TestStore.Now);

    internal StoreDatabase Database => _store?.Database ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>False for tests that migrate the store themselves.</summary>
    protected virtual bool Migrate => true;

    public async Task InitializeAsync()
    {
        if (Provider.SkipReason is not null)
        {
            return;
        }

        _store = await Provider.CreateAsync(Folder, Time);
        if (Migrate)
        {
            await _store.Database.MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Folder.Dispose();
    }
}
