namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one ingest run should do.</summary>
/// <param name="Entities">Entities to read; empty means all, in dependency order.</param>
/// <param name="Full">Re-read everything and replace the stored copy, instead of reading what changed since the watermark.</param>
internal sealed record IngestRequest(IReadOnlyCollection<SourceEntity> Entities, bool Full)
{
    /// <summary>Everything, incrementally where a watermark exists.</summary>
    public static readonly IngestRequest All = new([], Full: false);

    public bool Includes(SourceEntity entity) => Entities.Count == 0 || Entities.Contains(entity);
}
