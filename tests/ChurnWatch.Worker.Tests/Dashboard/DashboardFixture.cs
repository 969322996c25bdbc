using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// A small generated company run through the demo pipeline into a real SQLite store and output folder, then the
/// worker host with a running scheduler (every cron set to never fire) and the dashboard on a free loopback port.
/// One account is renamed to a script tag, as a hostile source could name it.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The clock of the pages and the lifecycle: six hours after the sample company's data ends.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public const string HostileName = "<script>alert(1)</script>";

    private const string Never = "0 0 1 1 *";
    private readonly TempFolder _folder = new();
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The account renamed to <see cref="HostileName"/>.</summary>
    public string HostileAccountId { get; private set; } = "";

    public string OutputFolder => Path.Combine(_folder.Path, "out");

    /// <summary>The host's settings, as environment variables for a <c>churnwatch</c> command on the same store.</summary>
    public IReadOnlyList<(string Name, string Value)> Environment { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var settings = SmallCompany.Settings(_folder.Path, accounts: 160, months: 15, seed: 11);
        settings["Dashboard:Port"] = "0";
        // Low enough that a year of this company's feature usage by account is refused, a month is not.
        settings["Dashboard:FeatureUsageMaxAccountWeeks"] = "5000";
        settings["Schedule:NodeName"] = "dashboard-test";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:ChurnWatch"] = "Error";
        foreach (var key in new[] { "Ingest", "Scoring", "Reports", "Forecast", "Retraining" })
        {
            settings["Schedule:" + key] = Never;
        }

        Environment = [.. settings.Select(s => ("CHURNWATCH__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value ?? ""))];
        var builder = ChurnWatchHost.CreateBuilder(settings);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        builder.AddChurnWatchScheduler(run: true);
        builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: true, Standalone: false));
        _host = builder.Build();
        await _host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);
        await using (var connection = await _host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None))
        {
            // A scored account with an open signal, so its name shows on the accounts, account and signals pages.
            HostileAccountId = await connection.ExecuteScalarAsync<string>(
                "SELECT s.account_id FROM scores s JOIN signals g ON g.account_id = s.account_id AND g.state = 'open' WHERE s.as_of = (SELECT MAX(as_of) FROM scores) ORDER BY s.churn_probability, s.account_id LIMIT 1") ?? "";
            await connection.ExecuteAsync("UPDATE accounts SET name = @name WHERE account_id = @id", new { name = HostileName, id = HostileAccountId });
        }

        await _host.StartAsync();
        BaseUrl = _host.Services.GetRequiredService<DashboardEndpoint>().ListeningOn!.TrimEnd('/');
    }

    /// <summary>Rows of a query on the store.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    public void Dispose() => _folder.Dispose();
}
