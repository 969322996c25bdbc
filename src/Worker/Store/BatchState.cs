namespace ChurnWatch.Worker.Store;

/// <summary>A batch job's state in <c>batch_results</c>.</summary>
/// <param name="Batch">The batch's number.</param>
/// <param name="Status">running, succeeded or failed.</param>
/// <param name="Node">The node that ran it (last).</param>
/// <param name="Error">Why it failed; null otherwise.</param>
internal sealed record BatchState(int Batch, string Status, string Node, string? Error);
