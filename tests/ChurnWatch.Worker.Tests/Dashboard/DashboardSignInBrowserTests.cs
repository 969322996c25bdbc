using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>Signing in as a local user in a real Chromium: redirected to the form, signed in, back on the page asked for.</summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardSignInBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [BrowserFact]
    public async Task SignIn_ThroughTheForm_BackOnTheAccountsPageAsTheUser()
    {
        using var host = await CredentialsDashboard.BuildAsync(_folder, new Dictionary<string, string?>(), [("A1", TestUsers.Ann), ("B1", "bob@example.com")]);
        await SignInClient.AddUsersAsync(host, (TestUsers.Ann, UserRoles.AccountManager, TestUsers.Password));
        await host.StartAsync();
        var url = CredentialsDashboard.Url(host);
        var browser = await chromium.BrowserAsync();
        await using var tab = await browser.NewTabAsync();

        await tab.GoAsync(url + "/accounts");
        var signInUrl = await tab.UrlAsync();
        await tab.SubmitAsync(
            $"document.querySelector('[name=email]').value = '{TestUsers.Ann}'; document.querySelector('[name=password]').value = '{TestUsers.Password}'; document.querySelector('form.signin').requestSubmit()");

        Assert.Equal(url + "/signin?return=%2Faccounts", signInUrl);
        Assert.Equal(url + "/accounts", await tab.UrlAsync());
        Assert.Equal("Accounts", (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent"));
        Assert.Equal(TestUsers.Ann, (string?)await tab.EvaluateAsync("document.querySelector('nav .who').textContent"));
        // Her own account only: the signed-in e-mail is the owner filter.
        Assert.Equal(1, (int)(await tab.EvaluateAsync("document.querySelectorAll('#accounts tbody tr').length"))!);
        Assert.Null(await tab.EvaluateAsync("document.querySelector('a[href=\"/audit\"]')"));
        Assert.Equal(0, (int)(await tab.EvaluateAsync("document.querySelectorAll('script').length"))!);
        Assert.True(tab.ConsoleErrors.Count == 0, string.Join("\n", tab.ConsoleErrors));
        await host.StopAsync();
    }
}
