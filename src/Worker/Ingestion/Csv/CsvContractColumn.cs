namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>A column of the source contract as a CSV drop must carry it.</summary>
/// <param name="Name">The contract's column name (<c>opened_at</c>).</param>
/// <param name="Required">Whether the header must have it; nullable contract columns may be left out of a file.</param>
internal sealed record CsvContractColumn(string Name, bool Required);
