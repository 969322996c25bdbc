using System.Data.Common;
using System.Net.Sockets;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Store;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Which failures are worth retrying: timeouts, dropped or refused connections, a busy database.</summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SourceDataException:
                    return false; // bad data stays bad: retrying would only repeat the refusal
                case TimeoutException or SocketException or StoreUnavailableException or IOException and not FileNotFoundException and not DirectoryNotFoundException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case DbException db when db.IsTransient:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (1-based): the first delay, doubled for each further retry,
    /// never longer than <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan Backoff(TimeSpan firstDelay, int attempt, TimeSpan maxDelay)
    {
        var doubled = TimeSpan.FromTicks(checked(firstDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));
        return doubled < maxDelay ? doubled : maxDelay;
    }
}
