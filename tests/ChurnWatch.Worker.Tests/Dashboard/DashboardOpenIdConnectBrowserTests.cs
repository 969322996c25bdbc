using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// Signing in with the company's identity provider, end to end: a real Chromium, a real OpenID Connect provider on
/// another site (<see cref="OidcProvider"/>), its login and consent pages, and back on the dashboard with a session.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardOpenIdConnectBrowserTests(ChromiumFixture chromium, OidcProvider provider) : IClassFixture<OidcProvider>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [OidcBrowserFact]
    public async Task SignIn_ThroughTheProvider_BackOnTheAccountsPageAsTheUser()
    {
        using var host = await StartAsync([("A1", OidcProvider.AccountManager), ("B1", "bob@example.com")]);
        var url = CredentialsDashboard.Url(host);
        await using var tab = await NewTabAsync();

        await tab.GoAsync(url + "/accounts");
        var signInUrl = await tab.UrlAsync();
        var link = (string?)await tab.EvaluateAsync("document.querySelector('a.provider').textContent");
        var localForm = await tab.EvaluateAsync("document.querySelector('form.signin')");
        await SignInAtProviderAsync(tab, OidcProvider.AccountManager, url + "/accounts");

        Assert.Equal(url + "/signin?return=%2Faccounts", signInUrl);
        Assert.Equal("Sign in with Test Provider", link);
        Assert.Null(localForm); // no local users: the provider's link only
        Assert.Equal(url + "/accounts", await tab.UrlAsync());
        Assert.Equal("Accounts", (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent"));
        Assert.Equal(OidcProvider.AccountManager, (string?)await tab.EvaluateAsync("document.querySelector('nav .who').textContent"));
        // Her own account only: the signed-in e-mail is the owner filter, as for a local user.
        Assert.Equal(1, (int)(await tab.EvaluateAsync("document.querySelectorAll('#accounts tbody tr').length"))!);
        Assert.Equal(0, (int)(await tab.EvaluateAsync("document.querySelectorAll('script').length"))!);
        var signedIn = Assert.Single(await AuditAsync(host), e => e.Action == AuditActions.SignInSucceeded);
        Assert.Equal((OidcProvider.AccountManager, OidcProvider.AccountManager, "openid connect as account_manager"), (signedIn.Actor, signedIn.Target, signedIn.Detail));
        await host.StopAsync();
    }

    [OidcBrowserFact]
    public async Task SignIn_UserInNoMappedGroup_RefusedWithTheReasonAndNoSession()
    {
        using var host = await StartAsync([("A1", OidcProvider.NoGroup)]);
        var url = CredentialsDashboard.Url(host);
        await using var tab = await NewTabAsync();

        await tab.GoAsync(url + "/accounts");
        await SignInAtProviderAsync(tab, OidcProvider.NoGroup, url + "/signin-oidc");
        var title = (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent");
        var text = await tab.TextAsync();
        await tab.GoAsync(url + "/accounts");

        Assert.Equal("Sign-in refused", title);
        Assert.Contains($"ChurnWatch has no role for {OidcProvider.NoGroup}: the account is in none of the groups that give access to the dashboard. Ask an admin to add you to one of the configured groups.", text, StringComparison.Ordinal);
        Assert.Equal(url + "/signin?return=%2Faccounts", await tab.UrlAsync());
        Assert.Null(await tab.EvaluateAsync("document.querySelector('nav .who')"));
        var events = await AuditAsync(host);
        var refused = Assert.Single(events, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal((AuditSources.Anonymous, OidcProvider.NoGroup, "openid connect: no role for this account"), (refused.Actor, refused.Target, refused.Detail));
        Assert.DoesNotContain(events, e => e.Action == AuditActions.SignInSucceeded);
        await host.StopAsync();
    }

    [OidcBrowserFact]
    public async Task SignIn_ProviderGroups_AdminSeesTheAuditPageAccountManagerGetsNoSuchPage()
    {
        using var host = await StartAsync([("A1", OidcProvider.AccountManager)]);
        var url = CredentialsDashboard.Url(host);
        await using var tab = await NewTabAsync();

        await tab.GoAsync(url + "/audit");
        await SignInAtProviderAsync(tab, OidcProvider.Admin, url + "/audit");
        var adminTitle = (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent");
        var adminLink = await tab.EvaluateAsync("document.querySelector('nav a[href=\"/audit\"]') !== null");
        await tab.ClearCookiesAsync();
        await tab.GoAsync(url + "/audit");
        await SignInAtProviderAsync(tab, OidcProvider.AccountManager, url + "/audit");
        var managerTitle = (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent");
        var managerLink = await tab.EvaluateAsync("document.querySelector('nav a[href=\"/audit\"]') !== null");
        using var client = new SignInClient(url);
        var anonymous = await client.Http.GetAsync(url + "/audit");

        Assert.Equal(("Audit trail", true), (adminTitle, (bool?)adminLink));
        Assert.Equal(("No such page", false), (managerTitle, (bool?)managerLink));
        Assert.Equal((System.Net.HttpStatusCode.Redirect, "/signin?return=%2Faudit"), (anonymous.StatusCode, anonymous.Headers.Location?.OriginalString));
        Assert.Equal(
            ["openid connect as account_manager", "openid connect as admin"],
            (await AuditAsync(host)).Where(e => e.Action == AuditActions.SignInSucceeded).Select(e => e.Detail));
        await host.StopAsync();
    }

    [OidcBrowserFact]
    public async Task SignIn_ThroughTheProvider_ClientSecretInNoLogPageOrAuditEvent()
    {
        var logs = new LogLines();
        using var host = await StartAsync([("A1", OidcProvider.Admin)], logs);
        var url = CredentialsDashboard.Url(host);
        await using var tab = await NewTabAsync();
        var pages = new List<string>();
        const string Html = "document.documentElement.outerHTML";

        await tab.GoAsync(url + "/signin?return=%2Faudit");
        pages.Add((string?)await tab.EvaluateAsync(Html) ?? "");
        await SignInAtProviderAsync(tab, OidcProvider.Admin, url + "/audit");
        pages.Add((string?)await tab.EvaluateAsync(Html) ?? "");
        foreach (var path in new[] { "/", "/accounts", "/jobs", "/signin-oidc?code=forged&state=forged" })
        {
            await tab.GoAsync(url + path);
            pages.Add((string?)await tab.EvaluateAsync(Html) ?? "");
        }

        await tab.ClearCookiesAsync();
        await tab.GoAsync(url + "/accounts");
        await SignInAtProviderAsync(tab, OidcProvider.NoGroup, url + "/signin-oidc");
        pages.Add((string?)await tab.EvaluateAsync(Html) ?? "");
        await host.StopAsync();

        Assert.Equal("Audit trail", pages[1][(pages[1].IndexOf("<h1>", StringComparison.Ordinal) + 4)..pages[1].IndexOf("</h1>", StringComparison.Ordinal)]);
        Assert.Contains("Sign-in did not finish", pages[5], StringComparison.Ordinal);
        Assert.Contains("Sign-in refused", pages[6], StringComparison.Ordinal);
        Assert.All(pages, page => Assert.DoesNotContain(OidcProvider.ClientSecret, page, StringComparison.Ordinal));
        var events = await AuditAsync(host);
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignInSucceeded], events.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(OidcProvider.ClientSecret, $"{e.Actor} {e.Action} {e.Target} {e.Source} {e.Detail}", StringComparison.Ordinal));
        var logged = logs.All();
        Assert.Contains(logged, l => l.Contains("did not finish", StringComparison.Ordinal)); // the forged answer was logged
        Assert.All(logged, line => Assert.DoesNotContain(OidcProvider.ClientSecret, line, StringComparison.Ordinal));
    }

    /// <summary>Clicks the provider's link on the sign-in page, logs in (any password), consents, and waits to land on <paramref name="landing"/> (an address that starts so).</summary>
    private static async Task SignInAtProviderAsync(BrowserTab tab, string login, string landing)
    {
        await tab.SubmitAsync("document.querySelector('a.provider').click()");
        await tab.SubmitAsync(
            $"document.querySelector('[name=login]').value = '{login}'; document.querySelector('[name=password]').value = 'any password'; document.querySelector('form').requestSubmit()");
        // The provider asks for consent once per account and client.
        if ((bool?)await tab.EvaluateAsync("document.querySelector('input[name=prompt][value=consent]') !== null") == true)
        {
            await tab.SubmitAsync("document.querySelector('form').requestSubmit()");
        }

        // The dashboard's answer moves on by itself (a Refresh header) to the page asked for.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await tab.UrlAsync()).StartsWith(landing, StringComparison.Ordinal) && (string?)await tab.EvaluateAsync("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // The page was between two documents.
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"Not on {landing} but on {await tab.UrlAsync()}: {await tab.TextAsync()}");
            await Task.Delay(100);
        }
    }

    private async Task<BrowserTab> NewTabAsync()
    {
        var tab = await (await chromium.BrowserAsync()).NewTabAsync();
        // The tabs of every browser test share one cookie jar: the provider's session would sign the next test in.
        await tab.ClearCookiesAsync();
        return tab;
    }

    private async Task<IHost> StartAsync(IEnumerable<(string Id, string Owner)> accounts, LogLines? logs = null)
    {
        var settings = provider.DashboardSettings();
        if (logs is not null)
        {
            settings["Logging:LogLevel:Default"] = "Trace";
        }

        var host = await CredentialsDashboard.BuildAsync(_folder, settings, accounts, logs: logs);
        await host.StartAsync();
        return host;
    }

    private static async Task<IReadOnlyList<AuditEvent>> AuditAsync(IHost host) =>
        await host.Services.GetRequiredService<AuditStore>().ListAsync(null, 100, CancellationToken.None);
}
