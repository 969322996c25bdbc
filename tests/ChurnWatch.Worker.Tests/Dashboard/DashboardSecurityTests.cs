using System.Net;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>What the dashboard refuses: binding beyond loopback without credentials, forms without an anti-forgery token, markup in data, paths outside the output folder.</summary>
public sealed class DashboardSecurityTests(DashboardFixture site) : IClassFixture<DashboardFixture>
{
    private const string SignalState = "SELECT signal_id, state, snoozed_until, state_reason, state_by FROM signals ORDER BY signal_id";

    [Fact]
    public async Task DashboardCommand_NonLoopbackAddressWithoutCredentials_RefusesToStartNamingTheKey()
    {
        using var folder = new TempFolder();
        var (exitCode, output, error) = await ChurnWatchProcess.RunAsync(folder.Path, ["dashboard", "--port", "0"], TimeSpan.FromSeconds(60),
            ("CHURNWATCH__Store__DataFolder", folder.File("data")),
            ("CHURNWATCH__Dashboard__Address", "0.0.0.0"));

        Assert.Equal(3, exitCode);
        Assert.Contains("Dashboard:Password: Listening beyond loopback requires Dashboard:Username and a Dashboard:Password of at least 12 characters.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard on", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.8.9.10")]
    [InlineData("[::1]:{port}")]
    public async Task Overview_LoopbackHostHeader_IsServed(string host)
    {
        var response = await GetWithHostAsync("/", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.5")]
    public async Task Overview_OtherHostHeader_Is400WithPlainTextAndNoPage(string host)
    {
        var response = await GetWithHostAsync("/", host);

        // A page on evil.example that rebinds its name to 127.0.0.1 sends "Host: evil.example": it gets nothing.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "Host not allowed: this server answers to localhost, 127.0.0.1 and [::1], not to the host this request named. To reach it by another name, list that name in Dashboard:AllowedHosts.\n",
            await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> GetWithHostAsync(string path, string host)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, site.BaseUrl + path);
        request.Headers.Host = host.Replace("{port}", new Uri(site.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task SignalForm_PostWithoutAntiforgeryToken_IsRejectedAndChangesNothing()
    {
        var signal = (await site.QueryAsync<long>("SELECT signal_id FROM signals WHERE state = 'open' ORDER BY signal_id")).First();
        var before = await site.QueryAsync<(long, string, string?, string?, string?)>(SignalState);
        var events = await site.QueryAsync<long>("SELECT COUNT(*) FROM signal_events");
        using var http = new HttpClient();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "forged", ["until"] = "2026-06-01", ["owner"] = "" });
        var response = await http.PostAsync($"{site.BaseUrl}/signals/{signal}/snooze", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no valid anti-forgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.QueryAsync<(long, string, string?, string?, string?)>(SignalState));
        Assert.Equal(events, await site.QueryAsync<long>("SELECT COUNT(*) FROM signal_events"));
    }

    [Fact]
    public async Task JobForm_PostWithoutAntiforgeryToken_IsRejectedAndPausesNothing()
    {
        using var http = new HttpClient();
        using var empty = new FormUrlEncodedContent([]);

        var response = await http.PostAsync($"{site.BaseUrl}/jobs/forecast/pause", empty);
        var page = await http.GetStringAsync($"{site.BaseUrl}/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("paused</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnoozeForm_DateNotInTheFuture_ShowsTheCliErrorAndChangesNothing()
    {
        var signal = (await site.QueryAsync<long>("SELECT signal_id FROM signals WHERE state = 'open' ORDER BY signal_id DESC")).First();
        var before = await site.QueryAsync<(long, string, string?, string?, string?)>(SignalState);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var page = await http.GetStringAsync($"{site.BaseUrl}/signals?owner=");
        using var form = DashboardForm.From(page, ("reason", "holiday"), ("until", "2026-03-01"), ("owner", ""));
        var response = await http.PostAsync($"{site.BaseUrl}/signals/{signal}/snooze", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Until: 2026-03-01 is not in the future (today is 2026-03-01 UTC); a snooze must end on a later date.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await site.QueryAsync<(long, string, string?, string?, string?)>(SignalState));
    }

    [Fact]
    public async Task Pages_AccountNamedScriptTag_ShowItAsText()
    {
        using var http = new HttpClient();

        var list = await http.GetStringAsync($"{site.BaseUrl}/accounts");
        var account = await http.GetStringAsync($"{site.BaseUrl}/accounts/{Uri.EscapeDataString(site.HostileAccountId)}");

        foreach (var page in new[] { list, account })
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/files/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/files/%2Fetc%2Fpasswd")]
    [InlineData("/files/reports/..%2F..%2Fdata%2Fchurnwatch.db")]
    [InlineData("/files/reports")]
    public async Task Files_PathOutsideTheListedFiles_IsNotFound(string path)
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(site.BaseUrl + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Files_ListedReport_IsServedAsWritten()
    {
        using var http = new HttpClient();
        var reports = await http.GetStringAsync($"{site.BaseUrl}/reports");

        var served = await http.GetStringAsync($"{site.BaseUrl}/files/reports/index.html");

        Assert.Contains("href=\"/files/reports/index.html\"", reports, StringComparison.Ordinal);
        Assert.Contains("href=\"/files/renewal_forecast.csv\"", reports, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.OutputFolder, "reports", "index.html")), served);
    }
}
