using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// Reads a sequence on a thread of its own, a bounded number of batches ahead of its consumer. Ingestion reads and
/// checks source rows (network, decoding, validation) while the store writes the previous batch, instead of one
/// after the other on one thread: on a source of tens of millions of rows that is most of the client's time.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/>, in order. A failure of the source is rethrown to the consumer as it
    /// was thrown. When the consumer stops early, the reader stops at its next batch and is waited for, so the source
    /// (a connection that is not thread-safe) is never still in use after the enumeration ends.
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 1024, int batchesAhead = 16)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesAhead, 1);
        return Iterate(source, batchSize, batchesAhead);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source, int batchSize, int batchesAhead)
    {
        using var queue = new BlockingCollection<T[]>(batchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var batch = new T[batchSize];
                    var count = 0;
                    foreach (var item in source)
                    {
                        batch[count++] = item;
                        if (count == batchSize)
                        {
                            queue.Add(batch, stop.Token);
                            batch = new T[batchSize];
                            count = 0;
                        }
                    }

                    if (count > 0)
                    {
                        Array.Resize(ref batch, count);
                        queue.Add(batch, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped early: nothing to report.
                }
#pragma warning disable CA1031 // Every failure of the source goes to the consumer, which rethrows it unchanged.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }

            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }
    }
}
