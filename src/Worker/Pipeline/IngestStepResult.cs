using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>What an ingest read from the database and the CSV drops, where its refused rows were written, and the entities that refused too many.</summary>
internal sealed record IngestStepResult(IngestionSummary Summary, CsvDropSummary CsvDrops, string? QuarantineFile, IReadOnlyList<EntityIngestResult> OverThreshold, double MaxRejectedShare)
{
    public bool Failed => OverThreshold.Count > 0;

    public long TotalRows => Summary.TotalRows + CsvDrops.Loaded;
}
