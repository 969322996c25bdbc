using System.Runtime.ExceptionServices;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Runs computations that share nothing but read-only inputs (the two targets, the candidates' backtests, a final fit
/// and the backtest's importance) at the same time, up to a degree. Each is single-threaded and seeded, so running
/// them at once changes no result, only how long the training takes: results come back in the order asked for.
/// </summary>
internal static class IndependentFits
{
    /// <summary><paramref name="run"/> for each item, up to <paramref name="degree"/> at once; results in item order.</summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, int degree, Func<T, TResult> run)
    {
        if (degree <= 1 || items.Count <= 1)
        {
            return [.. items.Select(run)];
        }

        try
        {
            return items.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(degree, items.Count)).Select(run).ToArray();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The caller sees the exception the sequential run would have thrown, not PLINQ's wrapper.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>Both computations, at once when <paramref name="degree"/> allows.</summary>
    public static (T1 First, T2 Second) Both<T1, T2>(int degree, Func<T1> first, Func<T2> second)
    {
        if (degree <= 1)
        {
            return (first(), second());
        }

        // A thread of its own: the caller blocks on it below, and a pool thread it waited for could be slow to come
        // while PLINQ's workers of the enclosing Map hold the pool (it adds threads about twice a second).
        var other = Task.Factory.StartNew(second, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        T1 result;
        try
        {
            result = first();
        }
        finally
        {
            // Never leave the other computation running unobserved, even when the first one threw.
            ((IAsyncResult)other).AsyncWaitHandle.WaitOne();
        }

        return (result, other.GetAwaiter().GetResult());
    }
}
