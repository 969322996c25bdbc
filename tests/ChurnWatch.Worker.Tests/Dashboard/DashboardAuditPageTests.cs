using System.Net;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The audit page: admins see it with local users, everyone who may use the dashboard without them; read-only.</summary>
public sealed class DashboardAuditPageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Audit_Admin_SeesTheNewestEventsEncodedAndALinkToIt()
    {
        using var host = await StartAsync(withUsers: true);
        await host.Services.GetRequiredService<AuditStore>().RecordAsync("cli-user", AuditActions.UserAdded, "<b>x</b>@example.com", AuditSources.CommandLine, "role finance", CancellationToken.None);
        using var admin = new SignInClient(CredentialsDashboard.Url(host));
        await admin.SignInAsync("root@example.com", TestUsers.Password);

        var overview = await admin.Http.GetStringAsync(admin.Url + "/");
        var page = await admin.Http.GetAsync(admin.Url + "/audit");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"/audit\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = html.Split("<table id=\"audit\"")[1].Split("<tbody>")[1].Split("</tr>").Where(r => r.Contains("<td>", StringComparison.Ordinal)).ToList();
        // Newest first: the admin's own sign-in, then the user added from the command line.
        Assert.Equal(2, rows.Count);
        Assert.Contains("<td>root@example.com</td><td>sign_in_succeeded</td>", rows[0], StringComparison.Ordinal);
        Assert.Contains("<td>cli-user</td><td>user_added</td><td>&lt;b&gt;x&lt;/b&gt;@example.com</td><td>cli</td><td>role finance</td>", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html.Split("<main>")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_NotAnAdmin_NotFoundAndNotLinked()
    {
        using var host = await StartAsync(withUsers: true);
        using var finance = new SignInClient(CredentialsDashboard.Url(host));
        await finance.SignInAsync("fin@example.com", TestUsers.Password);

        var overview = await finance.Http.GetStringAsync(finance.Url + "/");
        var page = await finance.Http.GetAsync(finance.Url + "/audit");

        Assert.DoesNotContain("href=\"/audit\"", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("sign_in_succeeded", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Post_NoSuchRouteAndNothingRecorded()
    {
        using var host = await StartAsync(withUsers: true);
        using var admin = new SignInClient(CredentialsDashboard.Url(host));
        await admin.SignInAsync("root@example.com", TestUsers.Password);
        var before = await host.Services.GetRequiredService<AuditStore>().ListAsync(null, 100, CancellationToken.None);

        var posted = await admin.PostFromAsync("/audit", "/audit", ("detail", "rewritten"));

        Assert.Contains(posted.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(before, await host.Services.GetRequiredService<AuditStore>().ListAsync(null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Dashboard_LoopbackWithoutUsersOrCredentials_SaysItIsOpenShowsTheAuditAndHasNoSignIn()
    {
        using var host = await StartAsync(withUsers: false);
        await host.Services.GetRequiredService<AuditStore>().RecordAsync("cli-user", AuditActions.UserRemoved, "bob@example.com", AuditSources.CommandLine, "", CancellationToken.None);
        using var http = new HttpClient();
        var url = CredentialsDashboard.Url(host);

        var pages = new List<string>();
        foreach (var path in new[] { "/", "/accounts", "/signals", "/jobs", "/reports", "/audit" })
        {
            pages.Add(await http.GetStringAsync(url + path));
        }

        var signIn = await http.GetAsync(url + "/signin");

        Assert.All(pages, p => Assert.Contains("Open to anyone on this machine: no users are set up (churnwatch users add).", p, StringComparison.Ordinal));
        Assert.Contains("<td>cli-user</td><td>user_removed</td><td>bob@example.com</td>", pages[5], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/audit\"", pages[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
    }

    [Fact]
    public async Task Dashboard_BasicCredentialsWithoutUsers_NoBannerAndTheAuditForTheUser()
    {
        using var host = await CredentialsDashboard.BuildAsync(_folder, "ann@example.com", TestUsers.Password, [("A1", "ann@example.com")]);
        await host.StartAsync();
        using var http = BasicAuthClient.Create("ann@example.com", TestUsers.Password);

        var overview = await http.GetStringAsync(CredentialsDashboard.Url(host) + "/");
        var audit = await http.GetAsync(CredentialsDashboard.Url(host) + "/audit");

        Assert.DoesNotContain("Open to anyone", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    private async Task<IHost> StartAsync(bool withUsers)
    {
        var host = await CredentialsDashboard.BuildAsync(_folder, new Dictionary<string, string?>(), [("A1", "ann@example.com")]);
        if (withUsers)
        {
            await SignInClient.AddUsersAsync(host, ("root@example.com", UserRoles.Admin, TestUsers.Password), ("fin@example.com", UserRoles.Finance, TestUsers.Password));
        }

        await host.StartAsync();
        return host;
    }
}
