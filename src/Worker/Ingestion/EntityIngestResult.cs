namespace ChurnWatch.Worker.Ingestion;

/// <summary>What one run did with one entity.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Provided">False when the source does not have this optional entity.</param>
/// <param name="Since">Null for a full read; otherwise the instant the incremental read started from.</param>
/// <param name="Accepted">Rows written to the store.</param>
/// <param name="Rejected">Rows quarantined.</param>
/// <param name="Elapsed">Wall time of reading and writing.</param>
/// <param name="NewestDataAt">The entity's watermark after the run.</param>
internal sealed record EntityIngestResult(SourceEntity Entity, bool Provided, DateTime? Since, long Accepted, long Rejected, TimeSpan Elapsed, DateTime? NewestDataAt)
{
    public double RejectedShare => Accepted + Rejected == 0 ? 0 : (double)Rejected / (Accepted + Rejected);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? (Accepted + Rejected) / Elapsed.TotalSeconds : 0;
}
