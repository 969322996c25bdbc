using System.Net;
using ChurnWatch.Worker.Tests.TestSupport;

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
        using var host = await CredentialsDashboard.BuildAsync(_folder, User, Password, [("A-ann", User), ("B-bob", "bob@example.com")]);
        await host.StartAsync();
        var url = CredentialsDashboard.Url(host);
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
