using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Store;

/// <summary>The embedded store's own file, when it is not what ChurnWatch left there.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task OpenAsync_StoreFileIsNotADatabase_SaysItIsTheStoreAndNamesTheFile()
    {
        var file = _folder.File("churnwatch.db");
        await File.WriteAllTextAsync(file, "not a database, but a file someone copied over the store\n");
        var database = TestStore.Create(_folder);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.OpenAsync(CancellationToken.None));

        Assert.StartsWith($"The store, ChurnWatch's own SQLite file {file} (Store:DataFolder, Store:SqliteFile), is not a SQLite database or is damaged", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a database, but a file someone copied over the store\n", await File.ReadAllTextAsync(file));
    }

    public void Dispose() => _folder.Dispose();
}
