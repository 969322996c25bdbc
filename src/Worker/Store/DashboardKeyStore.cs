using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The dashboard's data-protection keys in the store (<c>dashboard_keys</c>): ASP.NET Core's key manager reads and adds
/// them here instead of under the service account's home folder. A restart keeps everyone signed in and open pages'
/// anti-forgery tokens valid, and every dashboard on one shared store (a cluster behind a load balancer) accepts the
/// others' cookies. The keys are kept as ASP.NET Core writes them, unencrypted: whoever can read the store could forge
/// a session, so the store wants the protection its data already needs.
/// </summary>
internal sealed class DashboardKeyStore(StoreDatabase database, TimeProvider timeProvider) : IXmlRepository
{
    // IXmlRepository is synchronous. The key manager calls it at start, when a key is added (every 90 days) and when
    // it refreshes its cached ring (daily), never per request, so waiting on the store here costs nothing that matters;
    // ASP.NET Core has no synchronisation context to deadlock on.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM dashboard_keys ORDER BY created_at, name")
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO dashboard_keys (name, xml, created_at) VALUES (@name, @xml, @now)",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime) });
    }
}
