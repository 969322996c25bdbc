using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The standalone dashboard (no scheduler) with configured credentials, on an empty store.</summary>
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
        await host.Services.GetRequiredService<StoreDatabase>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        var url = host.Services.GetRequiredService<DashboardEndpoint>().ListeningOn!.TrimEnd('/');
        using var anonymous = new HttpClient();
        using var signedIn = new HttpClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        using var wrong = new HttpClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:not it")));

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
        Assert.Contains("The scheduler is not running in this process", pages[3], StringComparison.Ordinal);
        await host.StopAsync();
    }

    public void Dispose() => _folder.Dispose();
}
