namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>What one run over the drop folder did, file by file in the order they were processed.</summary>
internal sealed record CsvDropSummary(IReadOnlyList<CsvFileResult> Files)
{
    public long Loaded => Files.Sum(f => f.Loaded);

    public long Rejected => Files.Sum(f => f.Rejected);

    public int Skipped => Files.Count(f => f.Skipped);
}
