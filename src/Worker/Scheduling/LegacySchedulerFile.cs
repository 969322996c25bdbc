using ChurnWatch.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Deletes the job store file an earlier scheduler of ChurnWatch kept beside the embedded store (the server stores drop its tables by migration 0007).</summary>
internal sealed partial class LegacySchedulerFile(IOptions<StoreOptions> store, ILogger<LegacySchedulerFile> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(store.Value.DataFolder, SchedulerSetup.LegacySqliteFile);
        if (store.Value.Provider == StoreProvider.Sqlite && File.Exists(path))
        {
            File.Delete(path);
            LogDeleted(logger, path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Path}: the earlier scheduler's job store, which nothing reads any more")]
    private static partial void LogDeleted(ILogger logger, string path);
}
