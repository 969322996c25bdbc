namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one run did with one entity.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Provided">False when the source does not have this optional entity.</param>
/// <param name="Since">Null for a full read; otherwise the instant the incremental read started from.</param>
/// <param name="Accepted">Rows written to the store.</param>
/// <param name="Rejected">Rows quarantined.</param>
/// <param name="Elapsed">Wall time of reading and writing.</param>
/// <param name="NewestDataAt">The entity's watermark after the run.</param>
/// <param name="Refusal">
/// Why nothing of the entity was written, when it was refused whole (too many bad rows, a table that went missing, an
/// unreadable column, dates the clock has not reached): the store kept what it had. Null when the rows were written.
/// </param>
internal sealed record EntityIngestResult(SourceEntity Entity, bool Provided, DateTime? Since, long Accepted, long Rejected, TimeSpan Elapsed, DateTime? NewestDataAt, string? Refusal = null)
{
    public bool Refused => Refusal is not null;

    public double RejectedShare => Accepted + Rejected == 0 ? 0 : (double)Rejected / (Accepted + Rejected);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? (Accepted + Rejected) / Elapsed.TotalSeconds : 0;
}
