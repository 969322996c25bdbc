using System.Globalization;
using System.Net;
using ChurnWatch.Worker.Health;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Health;

/// <summary>The real <c>/healthz</c> server sent forged <c>Host</c> headers, on loopback and on every interface.</summary>
public sealed class HealthHostTests : IDisposable
{
    private const string User = "ops";
    private const string Password = "correct horse battery";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Healthz_OnLoopbackWithoutCredentials_AnswersLoopbackNamesAndRefusesOthers()
    {
        await using var server = await StartAsync(new() { ["Health:Address"] = "127.0.0.1" });
        using var http = new HttpClient();

        var served = new List<HttpStatusCode>();
        foreach (var host in new[] { "localhost", "127.0.0.1:{port}", "127.0.0.53", "[::1]:{port}" })
        {
            served.Add((await server.GetAsync(http, host)).StatusCode);
        }

        var forged = await server.GetAsync(http, "evil.example:{port}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], served);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", forged.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "Host not allowed: this server answers to localhost, 127.0.0.1 and [::1], not to the host this request named. To reach it by another name, list that name in Health:AllowedHosts.\n",
            await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_OnEveryInterfaceWithAllowedHosts_AnswersThoseAndLoopbackNamesOnly()
    {
        await using var server = await StartAsync(new()
        {
            ["Health:Address"] = "0.0.0.0",
            ["Health:Username"] = User,
            ["Health:Password"] = Password,
            ["Health:AllowedHosts:0"] = "churnwatch.example.com",
            ["Health:AllowedHosts:1"] = "10.0.0.5",
        });
        using var http = BasicAuthClient.Create(User, Password);

        var served = new List<HttpStatusCode>();
        foreach (var host in new[] { "churnwatch.example.com:{port}", "ChurnWatch.Example.Com", "10.0.0.5:{port}", "127.0.0.1:{port}" })
        {
            served.Add((await server.GetAsync(http, host)).StatusCode);
        }

        var forged = await server.GetAsync(http, "evil.example");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], served);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(
            "Host not allowed: this server answers to localhost, 127.0.0.1 and [::1] and to the names in Health:AllowedHosts, not to the host this request named. To reach it by another name, list that name in Health:AllowedHosts.\n",
            await forged.Content.ReadAsStringAsync());
    }

    private async Task<Server> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Store:DataFolder"] = _folder.File("data");
        settings["Health:Port"] = "0";
        settings["Logging:LogLevel:Default"] = "Warning";
        var builder = ChurnWatchHost.CreateBuilder(settings);
        builder.AddChurnWatchScheduler(run: false);
        builder.AddChurnWatchHealth();
        var host = builder.Build();
        await host.Services.GetRequiredService<StoreDatabase>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        // Listening on every interface includes loopback: the test connects there and names other hosts in the header.
        return new Server(host, new Uri(host.Services.GetRequiredService<HealthEndpoint>().ListeningOn!).Port);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class Server(IHost host, int port) : IAsyncDisposable
    {
        public async Task<HttpResponseMessage> GetAsync(HttpClient http, string hostHeader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/healthz/live");
            request.Headers.Host = hostHeader.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return await http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
