using System.Globalization;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// The dashboard in a real Chromium, as an account manager uses it: overview, filter the accounts, open one, snooze
/// a signal, trigger a job; no console errors and no script on any page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium, DashboardFixture site) : IClassFixture<DashboardFixture>
{
    /// <summary>Set to a folder to keep PNG screenshots of the pages (docs/images/dashboard-*.png were made this way).</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("CHURNWATCH_TEST_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    [BrowserFact]
    public async Task Dashboard_AccountManagerWalkthrough_FiltersOpensSnoozesAndTriggers()
    {
        var browser = await chromium.BrowserAsync();
        await using var tab = await browser.NewTabAsync();

        // Overview: freshness per source, the jobs, the model from the store, open signal counts.
        await tab.GoAsync(site.BaseUrl + "/");
        var learner = (await site.QueryAsync<string>("SELECT learner FROM models WHERE target = 'Churn'")).Single();
        var openCount = (await site.QueryAsync<long>("SELECT COUNT(*) FROM signals WHERE state = 'open'")).Single();
        var overview = await tab.TextAsync();
        Assert.Contains("Data freshness", overview, StringComparison.Ordinal);
        Assert.Equal(learner, (string?)await tab.EvaluateAsync("document.querySelector('#model .tile .value').textContent"));
        Assert.Equal((await site.QueryAsync<string>("SELECT entity FROM source_freshness ORDER BY entity")).Count, (int)(await tab.EvaluateAsync("document.querySelectorAll('#freshness tbody tr').length"))!);
        Assert.Equal(openCount.ToString("#,##0", CultureInfo.InvariantCulture), (string?)await tab.EvaluateAsync("document.querySelector('#signal-counts tfoot th.num').textContent"));
        await Screenshot(tab, "dashboard-overview.png");

        // Accounts, filtered to one owner and one signal kind through the GET form.
        var (owner, kind) = (await site.QueryAsync<(string, string)>("SELECT owner_email, kind FROM signals WHERE state = 'open' ORDER BY signal_id")).First();
        var expected = (await site.QueryAsync<string>(
            "SELECT DISTINCT s.account_id FROM signals s JOIN accounts a ON a.account_id = s.account_id WHERE s.state <> 'resolved' AND a.owner_email = @owner AND s.kind = @kind ORDER BY s.account_id",
            new { owner, kind })).ToList();
        await tab.GoAsync(site.BaseUrl + "/accounts");
        await tab.SubmitAsync(
            $"document.querySelector('select[name=owner]').value = {Js(owner)}; document.querySelector('select[name=kind]').value = {Js(kind)}; document.querySelector('form.filters').submit()");
        Assert.Contains($"owner={Uri.EscapeDataString(owner)}&band=&kind={kind}", await tab.UrlAsync(), StringComparison.Ordinal);
        var shown = (await tab.EvaluateAsync("[...document.querySelectorAll('#accounts tbody tr .small')].map(s => s.textContent.split(' · ')[0])"))!.AsArray().Select(n => (string?)n ?? "").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shown);
        Assert.True(expected.Count < (await site.QueryAsync<long>("SELECT COUNT(*) FROM accounts")).Single(), "the filter leaves accounts out");

        // The first account of the list: its name, drivers in words and risk history chart.
        var firstId = (string?)await tab.EvaluateAsync("document.querySelector('#accounts tbody tr .small').textContent.split(' · ')[0]");
        await tab.SubmitAsync("document.querySelector('#accounts a.acct').click()");
        var name = (await site.QueryAsync<string>("SELECT name FROM accounts WHERE account_id = @firstId", new { firstId })).Single();
        Assert.Equal(name, (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent"));
        var scorings = (await site.QueryAsync<long>("SELECT COUNT(*) FROM scores WHERE account_id = @firstId", new { firstId })).Single();
        Assert.Equal(scorings > 0, (bool)(await tab.EvaluateAsync("document.querySelector('#risk-history svg') !== null"))!);
        Assert.Equal(
            (await site.QueryAsync<long>("SELECT COUNT(*) FROM usage_weekly WHERE account_id = @firstId AND feature = '*'", new { firstId })).Single() > 0,
            (bool)(await tab.EvaluateAsync("document.querySelector('#usage svg') !== null"))!);
        // Its context and what moved its score, as the score step stored them.
        var (context, changes) = (await site.QueryAsync<(string, string)>(
            "SELECT context, changes FROM scores WHERE account_id = @firstId ORDER BY as_of DESC", new { firstId })).FirstOrDefault();
        Assert.Equal(string.IsNullOrEmpty(context) ? null : context, (string?)await tab.EvaluateAsync("document.getElementById('context')?.textContent ?? null"));
        var changeCount = changes is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<List<ChurnWatch.Analytics.Scoring.ScoreReason>>(changes)!.Count;
        Assert.Equal(changeCount, (int)(await tab.EvaluateAsync("document.querySelectorAll('#changes li').length"))!);
        await Screenshot(tab, "dashboard-account.png");

        // Snooze the owner's first open signal with a reason: it leaves the open list, kept by the store's lifecycle.
        var signal = (await site.QueryAsync<long>("SELECT signal_id FROM signals WHERE state = 'open' AND owner_email = @owner ORDER BY signal_id", new { owner })).First();
        await tab.GoAsync($"{site.BaseUrl}/signals?owner={Uri.EscapeDataString(owner)}");
        Assert.True((bool)(await tab.EvaluateAsync($"document.getElementById('signal-{signal}') !== null"))!);
        await tab.SubmitAsync(
            $"const f = document.querySelector('#signal-{signal} form.snooze'); f.querySelector('[name=until]').value = '2026-04-01'; " +
            "f.querySelector('[name=reason]').value = 'Customer on holiday until April'; f.requestSubmit()");
        Assert.True((bool)(await tab.EvaluateAsync($"document.getElementById('signal-{signal}') === null"))!);
        var stored = await site.Services.GetRequiredService<SignalStore>().GetAsync(signal, CancellationToken.None);
        Assert.Equal((SignalStates.Snoozed, "2026-04-01", "Customer on holiday until April", "dashboard"), (stored!.State, stored.SnoozedUntil, stored.StateReason, stored.StateBy));
        Assert.Contains("snoozed until 2026-04-01 by dashboard: Customer on holiday until April", (string?)await tab.EvaluateAsync($"document.getElementById('aside-{signal}').textContent"), StringComparison.Ordinal);
        Assert.Contains($"Signal {signal} ", (string?)await tab.EvaluateAsync("document.querySelector('.notice').textContent"), StringComparison.Ordinal);

        // Trigger the forecast job: the running scheduler takes it and its run appears in the history.
        await tab.GoAsync(site.BaseUrl + "/jobs");
        await tab.SubmitAsync("document.getElementById('trigger-forecast').click()");
        Assert.Contains("Triggered forecast", await tab.TextAsync(), StringComparison.Ordinal);
        List<(long RunId, string Status)> runs = [];
        for (var wait = 0; wait < 120 && runs.Count == 0; wait++)
        {
            await Task.Delay(500);
            runs = await site.QueryAsync<(long, string)>(
                "SELECT run_id, status FROM job_runs WHERE job = 'forecast' AND trigger_name = @by AND status <> 'running'", new { by = DashboardJobs.FiredBy });
        }

        if (runs.Count != 1)
        {
            Assert.Fail($"Expected one finished forecast run fired by the dashboard within 60 s: {await ForecastRunsAsync()}");
        }

        var run = runs[0];
        await tab.GoAsync(site.BaseUrl + "/jobs");
        var row = (await tab.EvaluateAsync(
            $"[...document.querySelectorAll('#history tbody tr')].map(r => [...r.cells].map(c => c.textContent)).find(c => c[0] === '{run.RunId}')"))!.AsArray().Select(n => (string?)n).ToList();
        Assert.Equal(("forecast", DashboardJobs.FiredBy, run.Status), (row[1], row[2], row[6]));

        Assert.Equal("succeeded", run.Status);

        // The job's forecast and metrics pages are listed beside the weekly reports.
        await tab.GoAsync(site.BaseUrl + "/reports");
        Assert.True((int)(await tab.EvaluateAsync("document.querySelectorAll('#weekly-reports a').length"))! > 0);
        var otherFiles = await tab.EvaluateAsync("[...document.querySelectorAll('#other-files a')].map(a => a.getAttribute('href'))");
        Assert.Contains("/files/renewal_forecast.html", otherFiles!.AsArray().Select(n => (string?)n));
        Assert.Contains("/files/saas_metrics.html", otherFiles.AsArray().Select(n => (string?)n));

        Assert.Equal(0, (int)(await tab.EvaluateAsync("document.querySelectorAll('script').length"))!);
        Assert.True(tab.ConsoleErrors.Count == 0, string.Join("\n", tab.ConsoleErrors));
    }

    [BrowserFact]
    public async Task ReportsPage_FeatureUsageSpanEndingBeforeItStarts_ComesBackWithWhatToCorrectAndTheValuesKept()
    {
        var browser = await chromium.BrowserAsync();
        await using var tab = await browser.NewTabAsync();
        await tab.GoAsync(site.BaseUrl + "/reports");

        // The date fields and selects as a person fills them; the answer is a 400 page (which the browser logs as such).
        await tab.SubmitAsync(
            "const u = document.getElementById('feature-usage'); u.querySelector('[name=from]').value = '2026-02-01'; " +
            "u.querySelector('[name=to]').value = '2026-01-01'; u.querySelector('[name=by]').value = 'segment'; u.requestSubmit()");

        Assert.Contains("To (2026-01-01) is before From (2026-02-01). Nothing was downloaded.", await tab.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ["2026-02-01", "2026-01-01", "week", "segment"],
            (await tab.EvaluateAsync("['from', 'to', 'grain', 'by'].map(n => document.querySelector(`#feature-usage [name=${n}]`).value)"))!.AsArray().Select(n => (string?)n));
    }

    [BrowserFact]
    public async Task HangfireDashboard_RecurringJobs_ListsTheSchedulesTriggersOneAndItSucceeds()
    {
        var browser = await chromium.BrowserAsync();
        await using var tab = await browser.NewTabAsync();

        // From ChurnWatch's Jobs page to Hangfire's recurring jobs: one per Schedule key.
        await tab.GoAsync(site.BaseUrl + "/jobs");
        await tab.SubmitAsync("document.querySelector('#hangfire-link a').click()");
        Assert.EndsWith("/hangfire/recurring", await tab.UrlAsync(), StringComparison.Ordinal);
        var ids = (await tab.EvaluateAsync("[...document.querySelectorAll('input.js-jobs-list-checkbox')].map(c => c.value)"))!.AsArray().Select(n => (string?)n).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Forecast", "Ingest", "Reports", "Retraining", "Scoring"], ids);

        // Select Forecast and press Hangfire's own "Trigger now": its script posts with the anti-forgery header.
        await tab.EvaluateAsync("document.querySelector('input.js-jobs-list-checkbox[value=\"Forecast\"]').click()");
        await tab.SubmitAsync("document.querySelector('button.js-jobs-list-command[data-url$=\"/recurring/trigger\"]').click()");
        List<(string Status, string HangfireJobId)> runs = [];
        for (var wait = 0; wait < 240 && runs.Count == 0; wait++)
        {
            await Task.Delay(500);
            runs = await site.QueryAsync<(string, string)>("SELECT status, hangfire_job_id FROM job_runs WHERE job = 'forecast' AND trigger_name = 'Forecast' AND status <> 'running'");
        }

        if (runs.Count != 1)
        {
            Assert.Fail($"Expected one finished forecast run fired by Hangfire's Trigger now within 120 s: {await ForecastRunsAsync()}");
        }

        var run = runs[0];
        Assert.Equal("succeeded", run.Status);
        await tab.GoAsync($"{site.BaseUrl}/hangfire/jobs/details/{run.HangfireJobId}");
        for (var wait = 0; wait < 20 && !(await tab.TextAsync()).Contains("Succeeded", StringComparison.Ordinal); wait++)
        {
            await Task.Delay(500);
            await tab.GoAsync($"{site.BaseUrl}/hangfire/jobs/details/{run.HangfireJobId}");
        }

        var details = await tab.TextAsync();
        Assert.Contains("forecast (Forecast)", details, StringComparison.Ordinal);
        Assert.Contains("Succeeded", details, StringComparison.Ordinal);
        await Screenshot(tab, "hangfire-job.png");
        Assert.True(tab.ConsoleErrors.Count == 0, string.Join("\n", tab.ConsoleErrors));
    }

    [BrowserFact]
    public async Task AccountsPage_AccountNamedScriptTag_ShowsTheTagAsTextAndRunsNoScript()
    {
        var browser = await chromium.BrowserAsync();
        await using var tab = await browser.NewTabAsync();

        await tab.GoAsync($"{site.BaseUrl}/accounts/{Uri.EscapeDataString(site.HostileAccountId)}");

        Assert.Equal(DashboardFixture.HostileName, (string?)await tab.EvaluateAsync("document.querySelector('h1').textContent"));
        Assert.Equal(0, (int)(await tab.EvaluateAsync("document.querySelectorAll('script').length"))!);
        Assert.True(tab.ConsoleErrors.Count == 0, string.Join("\n", tab.ConsoleErrors));
    }

    /// <summary>
    /// What the store and Hangfire know of the forecast's runs, for a wait that ran out: whether the run was never taken
    /// from the requests, never picked up by the node's one worker (and what that worker was busy with), or still runs.
    /// </summary>
    private async Task<string> ForecastRunsAsync()
    {
        var runs = await site.QueryAsync<(long RunId, string? By, string Status, string Started, string? Hangfire)>(
            "SELECT run_id, trigger_name, status, started_at, hangfire_job_id FROM job_runs WHERE job = 'forecast' ORDER BY run_id");
        var requests = await site.QueryAsync<(long RequestId, string By, string? Taken, string? Hangfire)>(
            "SELECT request_id, fired_by, taken_at, hangfire_job_id FROM job_requests WHERE job = 'forecast' ORDER BY request_id");
        var monitoring = site.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var states = requests.Select(r => r.Hangfire).Concat(runs.Select(r => r.Hangfire)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(id => $"{id} {string.Join(" > ", monitoring.JobDetails(id)?.History.Select(h => h.StateName).Reverse() ?? [])}");
        var processing = monitoring.ProcessingJobs(0, 10).Select(p => $"{p.Key} {string.Join(",", p.Value.Job?.Args ?? [])} since {p.Value.StartedAt:O}");
        return $"job_runs [{string.Join("; ", runs)}]; job_requests [{string.Join("; ", requests)}]; Hangfire jobs [{string.Join("; ", states)}]; "
            + $"processing [{string.Join("; ", processing)}]; enqueued {monitoring.EnqueuedCount("default")}";
    }

    private static string Js(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static Task Screenshot(BrowserTab tab, string name) =>
        ScreenshotFolder is null ? Task.CompletedTask : tab.ScreenshotAsync(Path.Combine(ScreenshotFolder, name));
}
