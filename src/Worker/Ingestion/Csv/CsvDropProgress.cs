namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>Progress through one drop file: reported when it starts and every <see cref="Interval"/> rows.</summary>
internal sealed record CsvDropProgress(string Entity, string FileName, long RowsRead)
{
    /// <summary>Rows between two reports.</summary>
    public const int Interval = 1000;
}
