using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A logger provider that keeps every message written at or above the configured level, with its category.</summary>
internal sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();


    public IReadOnlyList<string> Of(string category) => [.. _lines.Where(l => l.Category == category).Select(l => l.Message)];

    /// <summary>Every message kept, as "category: message".</summary>
    public IReadOnlyList<string> All() => [.. _lines.Select(l => $"{l.Category}: {l.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string Category, string Message)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, formatter(state, exception)));
    }
}
