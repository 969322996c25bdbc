namespace ChurnWatch.Worker.Reports;

/// <summary>How current one data source is, printed at the top of every report so stale data is never invisible.</summary>
/// <param name="Source">The source's name, for example "billing" or "product usage".</param>
/// <param name="NewestData">The newest instant the source's data covers (UTC).</param>
/// <param name="LastIngest">When ChurnWatch last loaded the source successfully (UTC).</param>
/// <param name="StaleAfter">How old <paramref name="NewestData"/> may be before the source counts as stale.</param>
/// <param name="IsStale">Whether the newest data was older than <paramref name="StaleAfter"/> when the report was made.</param>
public sealed record SourceAsOf(string Source, DateTime NewestData, DateTime LastIngest, TimeSpan StaleAfter, bool IsStale)
{
    /// <summary>
    /// Judges a source at <paramref name="reportInstant"/>. It is the age of the newest data that counts, not the
    /// time of the last ingest: an ingest that runs every hour but finds nothing new still leaves the data stale.
    /// </summary>
    /// <param name="source">The source's name.</param>
    /// <param name="newestData">The newest instant the data covers (UTC).</param>
    /// <param name="lastIngest">The last successful ingest (UTC).</param>
    /// <param name="reportInstant">When the report is made (UTC), from the injected clock.</param>
    /// <param name="staleAfter">The threshold; positive.</param>
    public static SourceAsOf Assess(string source, DateTime newestData, DateTime lastIngest, DateTime reportInstant, TimeSpan staleAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleAfter, TimeSpan.Zero);
        return new SourceAsOf(source, newestData, lastIngest, staleAfter, reportInstant - newestData > staleAfter);
    }

    /// <summary>The age of the newest data at <paramref name="reportInstant"/>.</summary>
    public TimeSpan AgeAt(DateTime reportInstant) => reportInstant - NewestData;

    /// <summary>
    /// Judges a store entity. Event tables (usage, tickets, invoices, payments) are stale when their newest row is
    /// old: the flow stopped. Reference tables (accounts, subscriptions) change rarely, so an old newest row says
    /// nothing; they are stale only when their last successful ingest is old.
    /// </summary>
    internal static SourceAsOf FromStore(Store.SourceFreshness freshness, DateTime reportInstant, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        var newest = freshness.NewestDataAt ?? throw new ArgumentException($"{freshness.Entity} has no data to judge.", nameof(freshness));
        var judged = freshness.Entity is "accounts" or "subscriptions" ? freshness.LastIngestAt : newest;
        return new SourceAsOf(freshness.Entity, newest, freshness.LastIngestAt, staleAfter, reportInstant - judged > staleAfter);
    }
}
