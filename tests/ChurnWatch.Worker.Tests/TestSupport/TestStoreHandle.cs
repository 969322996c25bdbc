using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A test's own store and what deletes it afterwards.</summary>
internal sealed class TestStoreHandle(StoreDatabase database, Func<Task> drop) : IAsyncDisposable
{
    public StoreDatabase Database { get; } = database;

    public async ValueTask DisposeAsync() => await drop();
}
