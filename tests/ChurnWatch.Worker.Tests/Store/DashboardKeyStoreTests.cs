using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Store;

public sealed class SqliteDashboardKeyStoreTests : DashboardKeyStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlDashboardKeyStoreTests : DashboardKeyStoreTests<PostgreSqlTestProvider>;

/// <summary>
/// The dashboard's data-protection keys in the store, with ASP.NET Core's own key manager on each provider: what one
/// dashboard protects (a session cookie, an anti-forgery token), another on the same store reads.
/// </summary>
public abstract class DashboardKeyStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    [StoreFact]
    public async Task Protect_OnOneDashboard_UnprotectsOnAnotherOnTheSameStoreThatSharesItsOneKey()
    {
        using var first = Dashboard();
        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("ann@example.com");
        using var second = Dashboard();

        var read = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(cookie);

        Assert.Equal("ann@example.com", read);
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var names = (await connection.QueryAsync<string>("SELECT name FROM dashboard_keys")).ToList();
        // The second dashboard found the first one's key and made none of its own.
        Assert.StartsWith("key-", Assert.Single(names), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Unprotect_OnADashboardWithItsOwnKeys_Fails()
    {
        // The control: a key ring that is not the store's cannot read the cookie, so the test above proves the sharing.
        using var first = Dashboard();
        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("ann@example.com");
        using var keys = new TempFolder();
        using var elsewhere = new ServiceCollection().AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys.Path)).Services.BuildServiceProvider();

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => elsewhere.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(cookie));
    }

    private ServiceProvider Dashboard()
    {
        var services = new ServiceCollection();
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DashboardKeyStore(Database, TimeProvider.System));
        return services.BuildServiceProvider();
    }
}
