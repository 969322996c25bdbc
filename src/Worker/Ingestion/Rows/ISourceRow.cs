namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A raw source row that can say which row it is before it is checked, for quarantine reports.</summary>
internal interface ISourceRow
{
    /// <summary>The row's key as the source gave it (may be empty when the key itself is missing).</summary>
    string Key { get; }
}
