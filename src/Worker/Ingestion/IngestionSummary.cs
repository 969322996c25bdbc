using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one ingest did: per entity what was read, and every row it refused.</summary>
internal sealed record IngestionSummary(DateTime StartedAt, IReadOnlyList<EntityIngestResult> Entities, IReadOnlyList<QuarantinedRow> Quarantined)
{
    /// <summary>Rows written: an entity refused whole wrote none.</summary>
    public long TotalRows => Entities.Where(e => !e.Refused).Sum(e => e.Accepted);

    /// <summary>The entities refused whole, each with why; the store kept what it had of them.</summary>
    public IReadOnlyList<EntityIngestResult> Refused => Entities.Where(e => e.Refused).ToList();
}
