namespace ChurnWatch.Worker.Pipeline;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
