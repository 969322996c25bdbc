using System.Net;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>Hangfire's dashboard at /hangfire of the standalone <c>churnwatch dashboard</c> on a PostgreSQL store, with credentials.</summary>
[Collection(AloneTests.Name)]
public sealed class PostgreSqlHangfireDashboardTests : HangfireDashboardTests<PostgreSqlTestProvider>;

/// <summary>
/// What /hangfire refuses and never shows: anonymous requests (401), a POST without the anti-forgery token (400, and
/// nothing triggered), the storage's connection string; its pages get their own content-security policy; serving them
/// runs no Hangfire server.
/// </summary>
public abstract class HangfireDashboardTests<TProvider> : IAsyncLifetime, IDisposable
    where TProvider : StoreTestProvider, new()
{
    private const string User = "ops@example.com";
    private const string Password = "correct horse battery";
    private const string StorePassword = "s3cret-store-password";
    private readonly TempFolder _folder = new();
    private string _database = "";

    [StoreFact]
    public async Task Hangfire_StandaloneDashboard_RefusesAnonymousAndForgedPostsAndNeverShowsTheConnectionString()
    {
        // Trust authentication ignores the password; it is there to be looked for in the pages.
        var connectionString = new NpgsqlConnectionStringBuilder(_database) { Password = StorePassword }.ToString();
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "PostgreSql",
            ["Store:ConnectionString"] = connectionString,
            ["Store:DataFolder"] = _folder.File("data"),
            ["Output:Folder"] = _folder.File("out"),
            ["Dashboard:Port"] = "0",
            ["Dashboard:Username"] = User,
            ["Dashboard:Password"] = Password,
            ["Schedule:NodeName"] = "dashboard-only",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchHangfire(server: false);
        builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: false, Standalone: true));
        using var host = builder.Build();
        await host.Services.GetRequiredService<StoreDatabase>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        var url = host.Services.GetRequiredService<DashboardEndpoint>().ListeningOn!.TrimEnd('/');
        using var anonymous = new HttpClient();
        using var signedIn = BasicAuthClient.Create(User, Password);

        var refused = await anonymous.GetAsync(url + "/hangfire");
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/servers", "/hangfire/jobs/enqueued", "/hangfire/jobs/failed" })
        {
            using var page = await signedIn.GetAsync(url + path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HangfireDashboard.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
            pages[path] = await page.Content.ReadAsStringAsync();
        }

        using var forged = new FormUrlEncodedContent([new("jobs[]", "Ingest")]);
        var post = await signedIn.PostAsync(url + "/hangfire/recurring/trigger", forged);
        using var ours = await signedIn.GetAsync(url + "/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var database = new NpgsqlConnectionStringBuilder(_database);
        Assert.All(pages.Values, p =>
        {
            Assert.DoesNotContain(StorePassword, p, StringComparison.Ordinal);
            Assert.DoesNotContain(database.Database!, p, StringComparison.Ordinal);
            Assert.DoesNotContain($"Port={database.Port}", p, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Username=", p, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("Recurring Jobs", pages["/hangfire/recurring"], StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/recurring\"", await ours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HangfireDashboard.ContentSecurityPolicy, ours.Headers.GetValues("Content-Security-Policy").Single());
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var connection = new NpgsqlConnection(_database))
        {
            // No server: this process takes no jobs. Nothing was enqueued by the forged POST.
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hangfire.server"));
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hangfire.job"));
        }

        await host.StopAsync();
    }

    public async Task InitializeAsync()
    {
        if (PostgresServer.Configured is not null)
        {
            _database = await PostgresServer.CreateDatabaseAsync("cw_hangfire");
        }
    }

    public async Task DisposeAsync()
    {
        if (_database.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
