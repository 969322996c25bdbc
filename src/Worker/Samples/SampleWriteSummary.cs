namespace ChurnWatch.Worker.Samples;

/// <summary>What a sample writer wrote: rows per source-contract table, in writing order.</summary>
internal sealed record SampleWriteSummary(IReadOnlyList<KeyValuePair<string, long>> RowsPerTable)
{
    /// <summary>Rows written to <paramref name="table"/>; 0 for a table not written.</summary>
    public long RowsIn(string table) => RowsPerTable.FirstOrDefault(p => p.Key == table).Value;
}
