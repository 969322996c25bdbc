using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// The standalone dashboard (no scheduler), behind HTTP Basic credentials or as the settings say, on a free loopback port, on a migrated
/// SQLite store in the test's folder holding the accounts given and nothing else; built, not started.
/// </summary>
internal static class CredentialsDashboard
{
    public static Task<IHost> BuildAsync(TempFolder folder, string user, string password, IEnumerable<(string Id, string Owner)> accounts, TimeProvider? time = null) =>
        BuildAsync(folder, new Dictionary<string, string?> { ["Dashboard:Username"] = user, ["Dashboard:Password"] = password }, accounts, time);

    /// <summary>The same with the Dashboard settings given (none: loopback without credentials).</summary>
    /// <param name="logs">Keeps what the process logs, when given.</param>
    public static async Task<IHost> BuildAsync(TempFolder folder, IReadOnlyDictionary<string, string?> dashboard, IEnumerable<(string Id, string Owner)> accounts, TimeProvider? time = null, LogLines? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Store:DataFolder"] = folder.File("data"),
            ["Output:Folder"] = folder.File("out"),
            ["Dashboard:Port"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in dashboard)
        {
            settings[key] = value;
        }

        var builder = ChurnWatchHost.CreateBuilder(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: false, Standalone: true));
        var host = builder.Build();
        var database = host.Services.GetRequiredService<StoreDatabase>();
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO accounts (account_id, name, owner_email, segment, region, created_at, seats_licensed) VALUES (@Id, @Id, @Owner, 'SMB', 'EU', '2025-01-01T00:00:00Z', 5)",
            accounts.Select(a => new { a.Id, a.Owner }));
        return host;
    }

    /// <summary>The address of the started dashboard, for example http://127.0.0.1:41234 (no trailing slash).</summary>
    public static string Url(IHost host) => host.Services.GetRequiredService<DashboardEndpoint>().ListeningOn!.TrimEnd('/');
}
