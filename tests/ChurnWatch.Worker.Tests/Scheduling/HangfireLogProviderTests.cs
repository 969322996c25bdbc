using ChurnWatch.Worker.Scheduling;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class HangfireLogProviderTests
{
    [Fact]
    public void GetLogger_LoggingDisposed_LogsNothingInsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HangfireLogProvider(factory);
        Assert.NotNull(provider.GetLogger("Hangfire.Server.Worker"));
        factory.Dispose();

        // Hangfire's own provider threw ObjectDisposedException here, from the constructors of its filters and servers.
        var log = provider.GetLogger("Hangfire.AutomaticRetryAttribute");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Error, () => "a job failed", null!));
    }
}
