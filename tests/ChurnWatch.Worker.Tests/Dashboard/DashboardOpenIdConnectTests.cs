using System.Net;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The dashboard with an identity provider configured, over HTTP: who must sign in, the sign-in page, and the request that goes to the provider.</summary>
public sealed class DashboardOpenIdConnectTests(OidcProvider provider) : IClassFixture<OidcProvider>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Pages_ProviderConfiguredWithoutLocalUsers_SignInFirstAndTheProvidersLinkOnly()
    {
        using var host = await StartAsync(Settings("http://127.0.0.1:9"));
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var overview = await client.Http.GetAsync(client.Url + "/");
        var signIn = await client.Http.GetStringAsync(client.Url + "/signin?return=%2Faccounts%3Fowner%3D");

        Assert.Equal((HttpStatusCode.Redirect, "/signin?return=%2F"), (overview.StatusCode, overview.Headers.Location?.OriginalString));
        Assert.Contains("<a class=\"provider\" href=\"/signin/oidc?return=%2Faccounts%3Fowner%3D\">Sign in with Example SSO</a>", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("form method=\"post\" action=\"/signin\"", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Open to anyone", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_ProviderAndLocalUsers_BothTheLinkAndTheForm()
    {
        using var host = await StartAsync(Settings("http://127.0.0.1:9"), withLocalUser: true);
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var signIn = await client.Http.GetStringAsync(client.Url + "/signin");
        var local = await client.SignInAsync(TestUsers.Ann, TestUsers.Password, "/accounts");

        Assert.Contains("Sign in with Example SSO</a>", signIn, StringComparison.Ordinal);
        Assert.Contains("form method=\"post\" action=\"/signin\"", signIn, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/accounts"), (local.StatusCode, local.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task SignInLink_ProviderUnreachable_PlainMessageAndNoSecret()
    {
        // Port 9 (discard) on loopback: nothing listens there.
        using var host = await StartAsync(Settings("http://127.0.0.1:9"));
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var response = await client.Http.GetAsync(client.Url + "/signin/oidc?return=%2Faccounts");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("Example SSO could not be reached at http://127.0.0.1:9, so nobody can sign in with it now. Try again later; the worker&#x27;s log says why.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(OidcProvider.ClientSecret, page, StringComparison.Ordinal);
    }

    [OidcFact]
    public async Task SignInLink_Provider_PushedAuthorizationRequestAndLaxCorrelationCookies()
    {
        var settings = provider.DashboardSettings();
        using var host = await StartAsync(settings);
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var response = await client.Http.GetAsync(client.Url + "/signin/oidc?return=%2Faccounts");
        var location = response.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.", StringComparison.Ordinal)).ToList();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(provider.Authority + "/auth", location.GetLeftPart(UriPartial.Path));
        // The provider offers pushed authorization requests, so the request (code flow, PKCE, response_mode=query,
        // scopes, redirect URI) went to it directly, with the client's credentials; the browser carries only its handle.
        Assert.Equal((OidcProvider.ClientId, "request_uri"), (query["client_id"], query.AllKeys.Single(k => k != "client_id")));
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", query["request_uri"], StringComparison.Ordinal);
        Assert.DoesNotContain(OidcProvider.ClientSecret, location.OriginalString, StringComparison.Ordinal);
        // The correlation and nonce cookies come back with the provider's cross-site GET: Lax, not None (which needs Secure).
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, c => Assert.Contains("; samesite=lax", c, StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string?> Settings(string authority) => new()
    {
        ["Dashboard:OpenIdConnect:Authority"] = authority,
        ["Dashboard:OpenIdConnect:ClientId"] = OidcProvider.ClientId,
        ["Dashboard:OpenIdConnect:ClientSecret"] = OidcProvider.ClientSecret,
        ["Dashboard:OpenIdConnect:DisplayName"] = "Example SSO",
        ["Dashboard:OpenIdConnect:Roles:admin:0"] = "cw-admins",
    };

    private async Task<IHost> StartAsync(Dictionary<string, string?> settings, bool withLocalUser = false)
    {
        var host = await CredentialsDashboard.BuildAsync(_folder, settings, [("A1", TestUsers.Ann)]);
        if (withLocalUser)
        {
            await SignInClient.AddUsersAsync(host, (TestUsers.Ann, UserRoles.AccountManager, TestUsers.Password));
        }

        await host.StartAsync();
        return host;
    }
}
