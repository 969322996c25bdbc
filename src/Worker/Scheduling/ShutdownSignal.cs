namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Counts the steps running on this node, and remembers whether one had to be cancelled (Hangfire cancels a running
/// job Schedule:ShutdownGrace after SIGTERM), so <c>churnwatch run</c> can exit with 130.
/// </summary>
internal sealed class ShutdownSignal
{
    private int _running;
    private int _cancelled;

    public int Running => Volatile.Read(ref _running);

    /// <summary>Whether a step of this process was cancelled (and recorded as such).</summary>
    public bool StepCancelled => Volatile.Read(ref _cancelled) != 0;

    public void StepStarted() => Interlocked.Increment(ref _running);

    public void StepEnded() => Interlocked.Decrement(ref _running);

    public void MarkCancelled() => Interlocked.Exchange(ref _cancelled, 1);
}
