using System.Globalization;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// Refuses an ingest whose clock is behind what the store already holds. Rows are checked against "now": with the
/// clock behind, rows already stored would be refused as dated in the future, and entities read whole (accounts,
/// subscriptions) would lose them. A clock that went back is a fault of the machine, not of the data, so nothing is
/// read or changed until it is put right.
/// </summary>
internal static class ClockCheck
{
    /// <exception cref="SourceDataException">The store holds data, or an ingest time, later than now plus the tolerance.</exception>
    public static void ThrowIfBehind(IEnumerable<SourceFreshness> stored, DateTime now, TimeSpan futureTolerance)
    {
        var latestAllowed = now + futureTolerance;
        var ahead = stored
            .Select(f => (f.Entity, At: f.NewestDataAt is { } newest && newest > f.LastIngestAt ? newest : f.LastIngestAt))
            .Where(f => f.At > latestAllowed)
            .OrderByDescending(f => f.At)
            .FirstOrDefault();
        if (ahead.Entity is not null)
        {
            throw new SourceDataException(string.Create(CultureInfo.InvariantCulture,
                $"The clock says {StoreText.Instant(now)}, but the store already holds {ahead.Entity} data or an ingest from {StoreText.Instant(ahead.At)}: " +
                $"the system clock (or its time zone) is behind, by more than Ingest:FutureTolerance ({futureTolerance}). Nothing was read or changed; correct the clock and run again."));
        }
    }
}
