using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Tests.TestSupport;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void AddChurnWatchHangfire_HostDisposed_HangfireClientsOfTheProcessStillStart()
    {
        using var folder = new TempFolder();
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Store:DataFolder"] = folder.File("data"),
            ["Output:Folder"] = folder.File("out"),
        });
        builder.AddChurnWatchHangfire(server: false);
        using (var host = builder.Build())
        {
            // The storage first (as the job board asks for it), then Hangfire's configuration: resolving it is when
            // Hangfire.NetCore sets its own provider on this host's logging, after the storage had set ours.
            Assert.NotNull(host.Services.GetRequiredService<JobStorage>());
            Assert.NotNull(host.Services.GetRequiredService<IGlobalConfiguration>());
        }

        // The static provider is the last host's, whose logging is disposed now; a client logs as it is constructed.
        using var storage = new InMemoryStorage();
        var id = new BackgroundJobClient(storage).Enqueue(() => Console.WriteLine("queued"));

        Assert.False(string.IsNullOrEmpty(id));
    }
}
