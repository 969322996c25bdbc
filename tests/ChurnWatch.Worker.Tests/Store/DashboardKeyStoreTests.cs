using System.Xml.Linq;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [StoreFact]
    public async Task DashboardKeyRing_TwoDashboardsStartingTogetherOnAnEmptyStore_AddOneKeyBothUse()
    {
        // Each dashboard's first look at the store waits (up to a second) for the other's: without a lock both would
        // find it empty and each add a key.
        var readers = new ReadersMeeting();
        using var first = Dashboard(readers);
        using var second = Dashboard(readers);
        // One lock service: on PostgreSQL each acquisition is a connection of its own, as on two nodes; the embedded
        // store has one process, whose lock is in memory.
        var locks = new JobLocks(
            Database, Options.Create(new StoreOptions { Provider = Provider.Provider }), Options.Create(new ScheduleOptions { PollInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System);
        DashboardKeyRing Ring(ServiceProvider dashboard) => new(
            dashboard.GetRequiredService<IKeyManager>(), locks, dashboard.GetRequiredService<IOptions<KeyManagementOptions>>(), TimeProvider.System);

        await Task.WhenAll(Ring(first).StartingAsync(CancellationToken.None), Ring(second).StartingAsync(CancellationToken.None));

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        Assert.Single(await connection.QueryAsync<string>("SELECT name FROM dashboard_keys"));
        // Each reads what the other protects, with no refresh of its key ring: both protect with that one key.
        var fromSecond = second.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("bob@example.com");
        var fromFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("ann@example.com");
        Assert.Equal("bob@example.com", first.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(fromSecond));
        Assert.Equal("ann@example.com", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(fromFirst));
        Assert.Single(await connection.QueryAsync<string>("SELECT name FROM dashboard_keys"));
    }

    private ServiceProvider Dashboard(ReadersMeeting? readers = null)
    {
        var services = new ServiceCollection();
        services.AddDataProtection();
        var store = new DashboardKeyStore(Database, TimeProvider.System);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = readers is null ? store : new MeetingKeyStore(store, readers));
        return services.BuildServiceProvider();
    }

    /// <summary>Counts the dashboards that have started reading the store's keys.</summary>
    private sealed class ReadersMeeting
    {
        private int _arrived;

        /// <summary>Arrives, then waits until another has too, or a second has passed.</summary>
        public void ArriveAndWait()
        {
            Interlocked.Increment(ref _arrived);
            SpinWait.SpinUntil(() => Volatile.Read(ref _arrived) >= 2, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The store's keys, read only once the <see cref="ReadersMeeting"/> lets the reader through.</summary>
    private sealed class MeetingKeyStore(DashboardKeyStore store, ReadersMeeting readers) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            readers.ArriveAndWait();
            return store.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName) => store.StoreElement(element, friendlyName);
    }
}
