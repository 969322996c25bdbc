using System.Net;
using System.Text;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The dashboard with local users in the store: sign-in through /signin, the session cookie, sign-out and the audit of each attempt.</summary>
public sealed class DashboardSignInTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _time = new(Now);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SignIn_RightPassword_SetsAnHttpOnlyStrictSessionCookieAndOpensThePagesAsTheUser()
    {
        // Basic credentials are configured too: with a local user they no longer open the pages.
        using var host = await StartAsync(new Dictionary<string, string?> { ["Dashboard:Username"] = "ops", ["Dashboard:Password"] = "a long enough secret" });
        using var client = new SignInClient(CredentialsDashboard.Url(host));
        using var basic = new SignInClient(client.Url);
        basic.Http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:a long enough secret")));

        var byBasic = await basic.Http.GetAsync(client.Url + "/accounts");
        var before = await client.Http.GetAsync(client.Url + "/accounts");
        var signedIn = await client.SignInAsync(TestUsers.Ann, TestUsers.Password, "/accounts");
        var accounts = await client.Http.GetAsync(client.Url + "/accounts");
        var page = await accounts.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, byBasic.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/signin?return=%2Faccounts"), (before.StatusCode, before.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/accounts"), (signedIn.StatusCode, signedIn.Headers.Location?.OriginalString));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("churnwatch-session=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; Secure behind TLS
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        // An account manager's own accounts only: Bob's is not in the list, not even in the count.
        Assert.Contains("1 of 1 accounts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.com", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"who\">ann@example.com</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Open to anyone", page, StringComparison.Ordinal);
        Assert.Equal([("ann@example.com", "sign_in_succeeded", TestUsers.Ann, "127.0.0.1", "")], await AuditRowsAsync(host));
    }

    [Fact]
    public async Task Session_AfterTheDashboardRestarts_IsStillSignedIn()
    {
        CookieCollection cookies;
        using (var first = await StartAsync())
        using (var client = new SignInClient(CredentialsDashboard.Url(first)))
        {
            await client.SignInAsync(TestUsers.Ann, TestUsers.Password, "/accounts");
            cookies = client.Cookies.GetAllCookies();
            await first.StopAsync();
        }

        // The same store, a new process's worth of services: the keys behind the cookie come from the store.
        using var second = await CredentialsDashboard.BuildAsync(_folder, new Dictionary<string, string?>(), [], _time);
        await second.StartAsync();
        using var returning = new SignInClient(CredentialsDashboard.Url(second));
        returning.Cookies.Add(cookies);
        using var stranger = new SignInClient(returning.Url);

        var page = await returning.Http.GetAsync(returning.Url + "/accounts");
        var refused = await stranger.Http.GetAsync(stranger.Url + "/accounts");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<span class=\"who\">ann@example.com</span>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Single(await QueryAsync<string>(second, "SELECT name FROM dashboard_keys"));
    }

    [Fact]
    public async Task Passwords_NeverInTheStoreTheLogsThePagesOrTheAuditTrail()
    {
        using var logs = new LogLines();
        using var host = await CredentialsDashboard.BuildAsync(
            _folder, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, [("A1", TestUsers.Ann)], _time, logs: logs);
        await SignInClient.AddUsersAsync(host, (TestUsers.Ann, "account_manager", TestUsers.Password));
        await host.Services.GetRequiredService<UserStore>().ResetPasswordAsync(TestUsers.Ann, TestUsers.Password + " again", CancellationToken.None);
        await host.StartAsync();
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var pages = new List<string>
        {
            await (await client.SignInAsync(TestUsers.Ann, TestUsers.WrongPassword)).Content.ReadAsStringAsync(),
            await (await client.SignInAsync(TestUsers.Ann, TestUsers.Password + " again", "/accounts")).Content.ReadAsStringAsync(),
            await client.Http.GetStringAsync(client.Url + "/accounts"),
            await client.Http.GetStringAsync(client.Url + "/accounts/A1"),
        };
        var stored = await QueryAsync<string>(host, "SELECT email || ' ' || role || ' ' || password_hash FROM users");
        var audit = (await AuditRowsAsync(host)).Select(r => r.ToString()).ToList();

        Assert.NotEmpty(logs.All());
        Assert.Equal(2, audit.Count);
        foreach (var secret in new[] { TestUsers.Password, TestUsers.WrongPassword, "horse", "donkey" })
        {
            Assert.DoesNotContain(logs.All().Concat(pages).Concat(stored).Concat(audit), text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_BehindATrustedProxy_SecureCookieAndTheClientsAddressElseTheHeadersAreIgnored(bool trusted)
    {
        using var host = await StartAsync(trusted ? new Dictionary<string, string?> { ["Dashboard:TrustedProxies:0"] = "127.0.0.1" } : null);
        using var client = new SignInClient(CredentialsDashboard.Url(host));
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var signedIn = await client.SignInAsync(TestUsers.Ann, TestUsers.Password, "/accounts");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("churnwatch-session=", StringComparison.Ordinal));
        Assert.Equal(trusted, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        var (_, action, _, source, _) = Assert.Single(await AuditRowsAsync(host));
        Assert.Equal(("sign_in_succeeded", trusted ? "203.0.113.7" : "127.0.0.1"), (action, source));
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOutAndAuditsTheEmailButNeverThePassword()
    {
        using var host = await StartAsync();
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var refused = await client.SignInAsync(TestUsers.Ann, TestUsers.WrongPassword);
        var body = await refused.Content.ReadAsStringAsync();
        var unknown = await client.SignInAsync("eve@example.com", TestUsers.Password);
        var after = await client.Http.GetAsync(client.Url + "/");
        var rows = await AuditRowsAsync(host);
        var hash = (await QueryAsync<string>(host, "SELECT password_hash FROM users WHERE email = @Ann", new { TestUsers.Ann })).Single();
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (refused.StatusCode, unknown.StatusCode));
        Assert.Contains("E-mail or password is wrong.", body, StringComparison.Ordinal);
        Assert.Contains("E-mail or password is wrong.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("churnwatch-session=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(
            [("anonymous", "sign_in_failed", TestUsers.Ann, "127.0.0.1", ""), ("anonymous", "sign_in_failed", "eve@example.com", "127.0.0.1", "")],
            rows);
        var bytes = Directory.EnumerateFiles(_folder.File("data")).SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(hash)) >= 0, "the users table's bytes are read");
        foreach (var secret in new[] { TestUsers.WrongPassword, TestUsers.Password })
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            Assert.All(rows, r => Assert.DoesNotContain(secret, r.ToString(), StringComparison.Ordinal));
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "a password is in the store's bytes");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, "a password is in the store's bytes (UTF-16)");
        }
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/accounts")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_ReturnToAnotherSite_GoesToTheOverviewInstead(string back)
    {
        using var host = await StartAsync();
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var form = await client.Http.GetStringAsync($"{client.Url}/signin?return={Uri.EscapeDataString(back)}");
        var signedIn = await client.SignInAsync(TestUsers.Ann, TestUsers.Password, back);

        Assert.Contains("<input type=\"hidden\" name=\"return\" value=\"/\"", form, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (signedIn.StatusCode, signedIn.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task Post_WithoutSession_RefusedAndChangesNothing()
    {
        using var host = await StartAsync();
        var signal = await OpenSignalAsync(host);
        var signals = host.Services.GetRequiredService<SignalStore>();
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        // A valid anti-forgery token from the sign-in page, but no session.
        var acknowledged = await client.PostFromAsync("/signin", $"/signals/{signal}/ack", ("reason", "called them"), ("owner", ""));
        var paused = await client.PostFromAsync("/signin", "/jobs/forecast/pause");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (acknowledged.StatusCode, paused.StatusCode));
        Assert.Equal(SignalStates.Open, (await signals.GetAsync(signal, CancellationToken.None))!.State);
        Assert.Empty(await host.Services.GetRequiredService<JobControlStore>().PausesAsync(CancellationToken.None));
        Assert.Empty(await AuditRowsAsync(host));
    }

    [Fact]
    public async Task Acknowledge_SignedIn_StoredAndAuditedUnderTheUsersEmail()
    {
        using var host = await StartAsync();
        var signal = await OpenSignalAsync(host);
        using var client = await SignedInAsync(host);

        var acknowledged = await client.PostFromAsync("/signals", $"/signals/{signal}/ack", ("reason", "called them"), ("owner", ""));

        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        var stored = await host.Services.GetRequiredService<SignalStore>().GetAsync(signal, CancellationToken.None);
        Assert.Equal((SignalStates.Acknowledged, TestUsers.Ann), (stored!.State, stored.StateBy));
        Assert.Equal((TestUsers.Ann, "signal_acknowledged", $"signal {signal}", "127.0.0.1", "called them"), (await AuditRowsAsync(host))[^1]);
    }

    [Fact]
    public async Task SignOut_WithTheToken_EndsTheSessionAndGoesToSignIn()
    {
        using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        var signedIn = await client.Http.GetAsync(client.Url + "/");
        var copied = client.Cookies.GetCookieHeader(new Uri(client.Url));
        var signedOut = await client.PostFromAsync("/", "/signout");
        var after = await client.Http.GetAsync(client.Url + "/");
        // A copy of the cookie taken before signing out (another tab, or a thief) no longer opens anything either.
        using var copy = new SignInClient(client.Url);
        copy.Http.DefaultRequestHeaders.Add("Cookie", copied);
        var byCopy = await copy.Http.GetAsync(client.Url + "/");

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/signin"), (signedOut.StatusCode, signedOut.Headers.Location?.OriginalString));
        AssertSentToSignIn(after);
        Assert.Contains("churnwatch-session=", copied, StringComparison.Ordinal);
        AssertSentToSignIn(byCopy);
        Assert.Equal(
            [(TestUsers.Ann, "sign_in_succeeded", TestUsers.Ann, "127.0.0.1", ""), (TestUsers.Ann, "signed_out", TestUsers.Ann, "127.0.0.1", "")],
            await AuditRowsAsync(host));
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_SignedOut()
    {
        using var host = await StartAsync(new Dictionary<string, string?> { ["Dashboard:IdleTimeoutMinutes"] = "10" });
        using var client = await SignedInAsync(host);

        _time.Now = Now.AddMinutes(9);
        var within = await client.Http.GetAsync(client.Url + "/");
        // Slid forward by the request at minute 9 (past half the timeout): idle from there.
        _time.Now = Now.AddMinutes(18);
        var slid = await client.Http.GetAsync(client.Url + "/");
        _time.Now = Now.AddMinutes(29);
        var idle = await client.Http.GetAsync(client.Url + "/");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (within.StatusCode, slid.StatusCode));
        AssertSentToSignIn(idle);
    }

    [Fact]
    public async Task Start_IdleTimeoutOutOfRange_FailsNamingTheKey()
    {
        using var host = await CredentialsDashboard.BuildAsync(_folder, new Dictionary<string, string?> { ["Dashboard:IdleTimeoutMinutes"] = "2" }, []);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("IdleTimeoutMinutes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("between 5 and 1440", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_UserRemovedMeanwhile_SignedOut()
    {
        using var host = await StartAsync();
        using var client = await SignedInAsync(host);

        var before = await client.Http.GetAsync(client.Url + "/");
        await host.Services.GetRequiredService<UserStore>().RemoveAsync(TestUsers.Ann, CancellationToken.None);
        var after = await client.Http.GetAsync(client.Url + "/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        AssertSentToSignIn(after);
    }

    [Fact]
    public async Task SignIn_SixthAttemptInAMinuteFromOneAddress_TooManyRequests()
    {
        using var host = await StartAsync();
        using var client = new SignInClient(CredentialsDashboard.Url(host));

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            statuses.Add((await client.SignInAsync(TestUsers.Ann, TestUsers.WrongPassword)).StatusCode);
        }

        var last = await client.SignInAsync(TestUsers.Ann, TestUsers.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.StartsWith("Too many sign-in attempts from this address", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, (await AuditRowsAsync(host)).Count);
    }

    private async Task<IHost> StartAsync(Dictionary<string, string?>? dashboard = null)
    {
        var host = await CredentialsDashboard.BuildAsync(_folder, dashboard ?? [], [("A1", TestUsers.Ann), ("B1", "bob@example.com")], _time);
        await SignInClient.AddUsersAsync(host, (TestUsers.Ann, "account_manager", TestUsers.Password), ("fin@example.com", "finance", TestUsers.Password));
        await host.StartAsync();
        return host;
    }

    /// <summary>A gone-dark signal on A1 (Ann's account), open; its id.</summary>
    private static async Task<long> OpenSignalAsync(IHost host)
    {
        var monday = new DateOnly(2026, 3, 2);
        var signals = host.Services.GetRequiredService<SignalStore>();
        await signals.ApplyAsync(monday, [new("A1", SignalKind.GoneDark, SignalSeverity.Warning, monday, "quiet")], new Dictionary<string, (string, decimal)> { ["A1"] = (TestUsers.Ann, 10_000m) }, CancellationToken.None);
        return (await signals.LiveAsync(CancellationToken.None)).Single().SignalId;
    }

    private static async Task<SignInClient> SignedInAsync(IHost host)
    {
        var client = new SignInClient(CredentialsDashboard.Url(host));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(TestUsers.Ann, TestUsers.Password)).StatusCode);
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response) =>
        Assert.Equal((HttpStatusCode.Redirect, "/signin?return=%2F"), (response.StatusCode, response.Headers.Location?.OriginalString));

    private static async Task<List<(string, string, string, string, string)>> AuditRowsAsync(IHost host) =>
        await QueryAsync<(string, string, string, string, string)>(host, "SELECT actor, action, target, source, detail FROM audit_events ORDER BY event_id");

    private static async Task<List<T>> QueryAsync<T>(IHost host, string sql, object? parameters = null)
    {
        await using var connection = await host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }
}
