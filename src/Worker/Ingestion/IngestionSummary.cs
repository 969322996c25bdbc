using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one ingest loaded: per entity its freshness row (provided, rows, newest data).</summary>
internal sealed record IngestionSummary(IReadOnlyList<SourceFreshness> Entities)
{
    public long TotalRows => Entities.Sum(e => e.RowCount);
}
