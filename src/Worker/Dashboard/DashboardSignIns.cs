using System.Collections.Concurrent;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Which successful HTTP Basic sign-ins are worth an audit event. A browser sends the credentials with every request,
/// so a request is not a sign-in; the first request of a user from an address, and again once an hour has passed
/// without one, stands for it, and the audit trail is not flooded with one event per page.
/// </summary>
internal sealed class DashboardSignIns
{
    private static readonly TimeSpan Quiet = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string User, string Address), DateTimeOffset> _lastSeen = new();

    /// <summary>True when <paramref name="user"/> has not been seen from <paramref name="address"/> for an hour (or ever); remembers now.</summary>
    public bool IsNew(string user, string address, DateTimeOffset now)
    {
        var isNew = true;
        _lastSeen.AddOrUpdate((user, address), now, (_, last) =>
        {
            isNew = now - last >= Quiet;
            return now;
        });
        return isNew;
    }
}
