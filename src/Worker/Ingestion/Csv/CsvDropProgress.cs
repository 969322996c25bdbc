namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>Progress through one drop file: reported when it starts and every <see cref="Interval"/> rows.</summary>
internal sealed record CsvDropProgress(string Entity, string FileName, long RowsRead)
{
    /// <summary>Reported once, with no entity or file, when the run waits for another import of the drop folder to finish.</summary>
    public static readonly CsvDropProgress OtherImportRunning = new(string.Empty, string.Empty, 0) { IsOtherImportRunning = true };

    /// <summary>Rows between two reports.</summary>
    public const int Interval = 1000;

    /// <summary>Whether this is <see cref="OtherImportRunning"/>.</summary>
    public bool IsOtherImportRunning { get; private init; }
}
