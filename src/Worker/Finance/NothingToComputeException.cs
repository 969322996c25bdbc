namespace ChurnWatch.Worker.Finance;

/// <summary>
/// The store lacks what a computation reads (no ingested data, no subscriptions, no scores, no model). The message says
/// which command fills it; the dashboard shows it as it is, and the command line prints it.
/// </summary>
internal sealed class NothingToComputeException(string message) : InvalidOperationException(message);
