using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>What an ingest read from the database and the CSV drops, and where its refused rows were written.</summary>
internal sealed record IngestStepResult(IngestionSummary Summary, CsvDropSummary CsvDrops, string? QuarantineFile)
{
    /// <summary>The entities refused whole (the store kept what it had of them).</summary>
    public IReadOnlyList<EntityIngestResult> Refused => Summary.Refused;

    public bool Failed => Refused.Count > 0;

    public long TotalRows => Summary.TotalRows + CsvDrops.Loaded;
}
