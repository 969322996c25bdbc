using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Hangfire's loggers from one host's logging. Hangfire keeps its log provider in a static, so it can outlive the host
/// that set it: when that host's logging is already disposed (while a process stops, or another host of the same
/// process was disposed first), a logger asked for then logs nothing instead of throwing from Hangfire's constructors.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        // Hangfire asks with a null message whether a level is on: it is not.
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception) => false;
    }
}
