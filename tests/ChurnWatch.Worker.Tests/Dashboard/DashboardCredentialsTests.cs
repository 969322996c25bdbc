using System.Net;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The standalone dashboard (no scheduler) with configured credentials, on a store holding two accounts and nothing else.</summary>
public sealed class DashboardCredentialsTests : IDisposable
{
    private const string User = "ann@example.com";
    private const string Password = "correct horse battery";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Dashboard_WithCredentials_RefusesAnonymousServesTheUserAndNeverShowsThePassword()
    {
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Store:DataFolder"] = _folder.File("data"),
            ["Output:Folder"] = _folder.File("out"),
            ["Dashboard:Port"] = "0",
            ["Dashboard:Username"] = User,
            ["Dashboard:Password"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchDashboard(new DashboardMode(SchedulerHere: false, Standalone: true));
        using var host = builder.Build();
        var database = host.Services.GetRequiredService<StoreDatabase>();
        await database.MigrateAsync(CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO accounts (account_id, name, owner_email, segment, region, created_at, seats_licensed) VALUES (@Id, @Id, @Owner, 'SMB', 'EU', '2025-01-01T00:00:00Z', 5)",
                new[] { new { Id = "A-ann", Owner = User }, new { Id = "B-bob", Owner = "bob@example.com" } });
        }

        await host.StartAsync();
        var url = host.Services.GetRequiredService<DashboardEndpoint>().ListeningOn!.TrimEnd('/');
        using var anonymous = new HttpClient();
        using var signedIn = BasicAuthClient.Create(User, Password);
        using var wrong = BasicAuthClient.Create(User, "not it");

        var refused = await anonymous.GetAsync(url + "/");
        var wrongPassword = await wrong.GetAsync(url + "/");
        var pages = new List<string>();
        foreach (var path in new[] { "/", "/accounts", "/signals", "/jobs", "/reports" })
        {
            pages.Add(await signedIn.GetStringAsync(url + path));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic realm=\"churnwatch dashboard\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.All(pages, p => Assert.DoesNotContain(Password, p, StringComparison.Ordinal));
        Assert.Contains("0 open signals for ann@example.com.", pages[2], StringComparison.Ordinal); // the signed-in owner by default
        // Accounts too: her own, with a link to everyone's, which lists both.
        Assert.Contains("1 of 2 accounts", pages[1], StringComparison.Ordinal);
        Assert.Contains("id=\"own-accounts\"", pages[1], StringComparison.Ordinal);
        Assert.DoesNotContain("B-bob", pages[1].Split("<table id=\"accounts\"")[1], StringComparison.Ordinal);
        var everyone = await signedIn.GetStringAsync(url + "/accounts?owner=");
        Assert.Contains("2 of 2 accounts", everyone, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"own-accounts\"", everyone, StringComparison.Ordinal);
        Assert.Contains("No Hangfire server runs in this process", pages[3], StringComparison.Ordinal);
        await host.StopAsync();
    }

    public void Dispose() => _folder.Dispose();
}
