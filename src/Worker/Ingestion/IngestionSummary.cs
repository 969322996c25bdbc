using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one ingest did: per entity what was read, and every row it refused.</summary>
internal sealed record IngestionSummary(DateTime StartedAt, IReadOnlyList<EntityIngestResult> Entities, IReadOnlyList<QuarantinedRow> Quarantined)
{
    public long TotalRows => Entities.Sum(e => e.Accepted);

    /// <summary>The entities whose refused share is above <paramref name="maxRejectedShare"/>.</summary>
    public IReadOnlyList<EntityIngestResult> OverThreshold(double maxRejectedShare) =>
        Entities.Where(e => e.RejectedShare > maxRejectedShare).ToList();
}
