namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>What became of one drop file.</summary>
/// <param name="Entity">Its entity folder.</param>
/// <param name="FileName">Its name.</param>
/// <param name="Loaded">Rows stored (upserted; for usage_events, events staged).</param>
/// <param name="Rejected">Rows quarantined.</param>
/// <param name="Skipped">True when its content had been imported before: nothing was read, the file was only moved.</param>
internal sealed record CsvFileResult(string Entity, string FileName, long Loaded, long Rejected, bool Skipped);
