namespace ChurnWatch.Worker.Store;

/// <summary>What the store knows of one source entity: provided or not, how many rows, how new, when loaded.</summary>
/// <param name="Entity">Source table or aggregate name.</param>
/// <param name="Provided">False when the company does not provide this optional entity.</param>
/// <param name="RowCount">Rows loaded by the last ingest.</param>
/// <param name="NewestDataAt">The newest timestamp in the data (UTC), null when there is none.</param>
/// <param name="LastIngestAt">When the last successful ingest of this entity finished (UTC).</param>
public sealed record SourceFreshness(string Entity, bool Provided, long RowCount, DateTime? NewestDataAt, DateTime LastIngestAt);
