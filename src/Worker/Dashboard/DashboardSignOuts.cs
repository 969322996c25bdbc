using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The sessions signed out of. The session cookie carries the whole session, so deleting it from the browser would
/// leave a copy of it valid until its idle timeout; a session signed out of is refused from then on. In memory, as
/// the cookie's keys are: a restart ends every session anyway.
/// </summary>
internal sealed class DashboardSignOuts(TimeProvider timeProvider, IOptions<DashboardOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    /// <summary>Ends <paramref name="session"/> (its id); forgets sessions whose cookie has expired meanwhile.</summary>
    public void End(string session)
    {
        var now = timeProvider.GetUtcNow();
        _ended[session] = now;
        // A refused session is never renewed, so an idle timeout after it ended its cookie has expired too.
        var idle = TimeSpan.FromMinutes(options.Value.IdleTimeoutMinutes);
        foreach (var (id, at) in _ended)
        {
            if (now - at > idle)
            {
                _ended.TryRemove(id, out _);
            }
        }
    }

    public bool HasEnded(string session) => _ended.ContainsKey(session);
}
