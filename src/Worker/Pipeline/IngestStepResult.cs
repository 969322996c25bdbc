using ChurnWatch.Worker.Ingestion;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>An ingest's summary, where its refused rows were written, and the entities that refused too many.</summary>
internal sealed record IngestStepResult(IngestionSummary Summary, string? QuarantineFile, IReadOnlyList<EntityIngestResult> OverThreshold, double MaxRejectedShare)
{
    public bool Failed => OverThreshold.Count > 0;
}
