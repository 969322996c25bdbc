using ChurnWatch.Worker.Scheduling;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Makes sure the store holds a dashboard key (<see cref="Store.DashboardKeyStore"/>) before the dashboard serves
/// anyone, one dashboard at a time. ASP.NET Core's key manager adds the first key when it first loads its key ring (as
/// its web host starts): two dashboards starting together on an empty store (a cluster's first deployment) would each
/// find no key and add their own, and once their first two minutes had passed (while ASP.NET Core still looks again
/// for a key it does not know) they would refuse each other's cookies until their daily refresh. Later keys need
/// nothing of this: ASP.NET Core adds them two days before they are used, and every dashboard's daily refresh reads
/// them first.
/// </summary>
internal sealed class DashboardKeyRing(IKeyManager keyManager, JobLocks locks, IOptions<KeyManagementOptions> options, TimeProvider timeProvider)
    : IHostedLifecycleService
{
    /// <summary>The store-wide lock the dashboards take in turn to look for a key and add one (<see cref="JobLocks"/>).</summary>
    public const string LockName = "dashboard-keys";

    /// <summary>Before the web host starts listening: a key in force, the one found or one added.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var held = await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var now = timeProvider.GetUtcNow();
            if (!keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                keyManager.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
