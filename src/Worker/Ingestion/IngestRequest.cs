namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one ingest run should do.</summary>
/// <param name="Entities">Entities to read; empty means all, in dependency order.</param>
/// <param name="Full">Re-read everything and replace the stored copy, instead of reading what changed since the watermark.</param>
/// <param name="ForgetMissing">
/// An optional entity the source provided before and has no table for now is removed from the store. Without it the
/// store keeps those rows and the entity is reported as refused: a dropped or renamed table is more often a mistake
/// than a decision, and its history cannot be read back once deleted.
/// </param>
internal sealed record IngestRequest(IReadOnlyCollection<SourceEntity> Entities, bool Full, bool ForgetMissing = false)
{
    /// <summary>Everything, incrementally where a watermark exists.</summary>
    public static readonly IngestRequest All = new([], Full: false);

    public bool Includes(SourceEntity entity) => Entities.Count == 0 || Entities.Contains(entity);
}
