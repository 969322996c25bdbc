namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// What a stopping node tells its running steps: <see cref="Token"/> is cancelled once the shutdown grace is over.
/// Counts the steps running on this node so the host knows when it may stop without waiting any longer.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private int _running;

    public CancellationToken Token => _cancel.Token;

    public int Running => Volatile.Read(ref _running);

    public void StepStarted() => Interlocked.Increment(ref _running);

    public void StepEnded() => Interlocked.Decrement(ref _running);

    public Task CancelAsync() => _cancel.CancelAsync();

    public void Dispose() => _cancel.Dispose();
}
