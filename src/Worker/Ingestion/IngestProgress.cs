namespace ChurnWatch.Worker.Ingestion;

/// <summary>How far an ingest is: the entity being read, rows so far, and whether it finished.</summary>
internal readonly record struct IngestProgress(SourceEntity Entity, long Rows, bool Done);
