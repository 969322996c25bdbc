using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>The audit trail of the dashboard with credentials: sign-ins that failed and succeeded, and the actions taken, with who and from where.</summary>
public sealed class DashboardAuditTests : IDisposable
{
    private const string User = "ann@example.com";
    private const string Password = "correct horse battery";
    private const string WrongPassword = "incorrect donkey staple";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Dashboard_WrongPasswordThenSignedInAcknowledgeAndPause_EachRecordedWithUserAndAddress()
    {
        using var host = await CredentialsDashboard.BuildAsync(_folder, User, Password, [("A1", User)], new FixedTimeProvider(Now));
        var database = host.Services.GetRequiredService<StoreDatabase>();
        var monday = new DateOnly(2026, 3, 2);
        await host.Services.GetRequiredService<SignalStore>().ApplyAsync(
            monday, [new("A1", SignalKind.GoneDark, SignalSeverity.Warning, monday, "quiet")], new Dictionary<string, (string, decimal)> { ["A1"] = (User, 10_000m) }, CancellationToken.None);
        var signal = (await host.Services.GetRequiredService<SignalStore>().LiveAsync(CancellationToken.None)).Single().SignalId;
        await host.StartAsync();
        var url = CredentialsDashboard.Url(host);

        using var wrong = BasicAuthClient.Create(User, WrongPassword);
        var refused = await wrong.GetAsync(url + "/");
        using var anonymous = new HttpClient();
        var challenged = await anonymous.GetAsync(url + "/");
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        var signalsPage = await http.GetStringAsync(url + "/signals");
        var acknowledged = await http.PostAsync($"{url}/signals/{signal}/ack", DashboardForm.From(signalsPage, ("reason", "called them"), ("owner", "")));
        var jobsPage = await http.GetStringAsync(url + "/jobs");
        var paused = await http.PostAsync($"{url}/jobs/forecast/pause", DashboardForm.From(jobsPage));
        // Paused already: nothing changes, so nothing is recorded, and the page says so.
        var pausedAgain = await http.PostAsync($"{url}/jobs/forecast/pause", DashboardForm.From(jobsPage));
        var pageAfter = await http.GetStringAsync(url + pausedAgain.Headers.Location);
        await host.StopAsync();

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (refused.StatusCode, challenged.StatusCode));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (acknowledged.StatusCode, paused.StatusCode));
        Assert.Equal("/jobs?job=forecast&did=paused-already", pausedAgain.Headers.Location?.OriginalString);
        Assert.Contains("forecast was paused already; nothing changed.", pageAfter, StringComparison.Ordinal);
        await using var store = await database.OpenAsync(CancellationToken.None);
        var rows = (await store.QueryAsync<(string, string, string, string, string, string)>(
            "SELECT at, actor, action, target, source, detail FROM audit_events ORDER BY event_id")).ToList();
        // The challenge without credentials is no sign-in; four signed-in requests are one sign-in.
        Assert.Equal(
            [("2026-03-02T09:00:00Z", "anonymous", "sign_in_failed", User, "127.0.0.1", ""),
             ("2026-03-02T09:00:00Z", User, "sign_in_succeeded", User, "127.0.0.1", ""),
             ("2026-03-02T09:00:00Z", User, "signal_acknowledged", $"signal {signal}", "127.0.0.1", "called them"),
             ("2026-03-02T09:00:00Z", User, "job_paused", "forecast", "127.0.0.1", "")],
            rows);
        Assert.All(rows, r => Assert.DoesNotContain("horse", r.ToString(), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("donkey", r.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hangfire_TriggerNow_RecordedAsAJobTriggerWithTheJobAndWhoAndWhere()
    {
        using var host = await CredentialsDashboard.BuildAsync(
            _folder, new Dictionary<string, string?> { ["Dashboard:Username"] = User, ["Dashboard:Password"] = Password }, [("A1", User)], new FixedTimeProvider(Now), hangfire: true);
        new RecurringJobManager(host.Services.GetRequiredService<JobStorage>()).AddOrUpdate("cw-audit-test", () => Console.WriteLine("audit"), Cron.Daily());
        await host.StartAsync();
        var url = CredentialsDashboard.Url(host);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        var token = System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync(url + "/jobs"), "name=\"__cw_token\" value=\"([^\"]+)\"").Groups[1].Value;

        Assert.NotEmpty(token);
        // As Hangfire's own page does it: the form's job IDs, the anti-forgery token in a header.
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/hangfire/recurring/trigger") { Content = new FormUrlEncodedContent([new("jobs[]", "cw-audit-test")]) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var triggered = await http.SendAsync(request);
        await host.StopAsync();

        Assert.True(triggered.IsSuccessStatusCode, triggered.StatusCode.ToString());
        await using var store = await host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        var rows = (await store.QueryAsync<(string, string, string, string, string)>(
            "SELECT actor, action, target, source, detail FROM audit_events WHERE action <> 'sign_in_succeeded' ORDER BY event_id")).ToList();
        Assert.Equal([(User, "job_triggered", "cw-audit-test", "127.0.0.1", "hangfire recurring/trigger")], rows);
    }
}
