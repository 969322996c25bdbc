using System.Data.Common;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// A write that must commit with a change or not at all, run inside the change's transaction (the audit event of the
/// person who made it).
/// </summary>
internal delegate Task AlongsideWrite(DbTransaction transaction, CancellationToken cancellationToken);
