using System.Net;
using ChurnWatch.Worker.Health;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Health;

/// <summary>The real <c>/healthz</c> server with configured credentials, on loopback and on every interface.</summary>
public sealed class HealthCredentialsTests : IDisposable
{
    private const string User = "ops";
    private const string Password = "correct horse battery";
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    public async Task Healthz_WithCredentials_RefusesAnonymousAndWrongServesTheUserAndNeverShowsThePassword(string address)
    {
        var builder = ChurnWatchHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Store:DataFolder"] = _folder.File("data"),
            ["Health:Address"] = address,
            ["Health:Port"] = "0",
            ["Health:Username"] = User,
            ["Health:Password"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchHealth();
        using var host = builder.Build();
        await host.Services.GetRequiredService<StoreDatabase>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        // Listening on every interface includes loopback: the test calls it there, as a local probe would.
        var port = new Uri(host.Services.GetRequiredService<HealthEndpoint>().ListeningOn!).Port;
        var url = $"http://127.0.0.1:{port}";
        using var anonymous = new HttpClient();
        using var signedIn = BasicAuthClient.Create(User, Password);
        using var wrong = BasicAuthClient.Create(User, "not it");

        var refused = await anonymous.GetAsync(url + "/healthz/live");
        var wrongPassword = await wrong.GetAsync(url + "/healthz");
        var live = await signedIn.GetAsync(url + "/healthz/live");
        var details = await signedIn.GetAsync(url + "/healthz");
        var body = await details.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic realm=\"churnwatch\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // This host has no running scheduler, so the details say not ready: served, not refused.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, details.StatusCode);
        Assert.Contains("\"scheduler\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);
        await host.StopAsync();
    }

    public void Dispose() => _folder.Dispose();
}
