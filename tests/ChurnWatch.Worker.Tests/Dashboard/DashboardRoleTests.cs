using System.Globalization;
using System.Net;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static ChurnWatch.Worker.Tests.Dashboard.DashboardRolesFixture;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// The role table as HTTP requests: every page, file and form of the dashboard for an account manager (Ann), a team
/// lead (Lee, leading Ann and Bob), finance (Fin) and an admin (Ada). What a role may not see answers 404, as if it
/// did not exist. The signal forms are in <see cref="DashboardRoleFormTests"/>, on a dashboard of their own, as
/// they change what these pages count.
/// </summary>
public sealed class DashboardRoleTests(DashboardRolesFixture dashboard) : IClassFixture<DashboardRolesFixture>
{
    /// <summary>The owners whose accounts each user sees; null for all.</summary>
    internal static readonly Dictionary<string, string[]?> Sees = new(StringComparer.Ordinal)
    {
        [Ann] = [Ann],
        [Lee] = [Lee, Ann, Bob],
        [Fin] = null,
        [Ada] = null,
    };

    public static TheoryData<string, string, int> Pages()
    {
        var rows = new TheoryData<string, string, int>();
        foreach (var (user, owners) in Sees)
        {
            var admin = user == Ada;
            foreach (var path in new[] { "/", "/accounts", "/signals", "/reports" })
            {
                rows.Add(user, path, 200);
            }

            foreach (var path in new[] { "/jobs", "/audit", "/hangfire", "/hangfire/recurring" })
            {
                rows.Add(user, path, admin ? 200 : 404);
            }

            foreach (var (owner, account) in AccountOf)
            {
                var sees = owners is null || owners.Contains(owner);
                rows.Add(user, "/accounts/" + account, sees ? 200 : 404);
                rows.Add(user, "/files/" + ReportPage(owner), sees ? 200 : 404);
                rows.Add(user, "/files/" + ReportCsv(owner), sees ? 200 : 404);
            }

            foreach (var file in CompanyFiles)
            {
                rows.Add(user, "/files/" + file, owners is null ? 200 : 404);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_EachPageAndFile_OpenOnlyToTheRolesThatSeeIt(string user, string path, int status)
    {
        var response = await dashboard.As(user).Http.GetAsync(dashboard.As(user).Url + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        if (status == 404)
        {
            // Nothing of what was asked for: not the owner, not the account, not the file's content.
            Assert.DoesNotContain("company-wide", body, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.com</p>", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Ann, 404)]
    [InlineData(Lee, 404)]
    [InlineData(Fin, 409)]
    [InlineData(Ada, 409)]
    public async Task Get_FeatureUsageDownload_OnlyForTheRolesThatSeeTheCompany(string user, int status)
    {
        var client = dashboard.As(user);

        var response = await client.Http.GetAsync(client.Url + "/exports/feature-usage?from=2026-01-01&to=2026-02-01&grain=week");
        var body = await response.Content.ReadAsStringAsync();
        var reports = await client.Http.GetStringAsync(client.Url + "/reports");

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        // This store holds accounts and no usage: a role that may download is told what fills it; the others see no form.
        Assert.Equal(status == 409, body.Contains("The store holds no ingested data yet.", StringComparison.Ordinal));
        Assert.Equal(status == 409, reports.Contains("id=\"feature-usage\"", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, int> JobForms()
    {
        var rows = new TheoryData<string, string, int>();
        foreach (var user in Sees.Keys)
        {
            foreach (var action in new[] { "pause", "resume" })
            {
                rows.Add(user, action, user == Ada ? 302 : 404);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(JobForms))]
    public async Task Post_PauseAndResumeJobs_OnlyTheAdmin(string user, string action, int status)
    {
        var job = ScheduledJobs.Names[0];

        var response = await dashboard.As(user).PostFromAsync("/", $"/jobs/{job}/{action}");

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
    }

    [Theory]
    [InlineData(Ann)]
    [InlineData(Lee)]
    [InlineData(Fin)]
    [InlineData(Ada)]
    public async Task Pages_NameOnlyTheOwnersTheUserSees_InListsCountsAndLinks(string user)
    {
        var owners = Sees[user] ?? [.. AccountOf.Keys];
        var hidden = AccountOf.Keys.Except(owners).ToList();
        var seen = AccountOf.Keys.Intersect(owners).ToList();
        var client = dashboard.As(user);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { "/", "/accounts?owner=", "/signals?owner=", "/reports" })
        {
            pages[path] = await client.Http.GetStringAsync(client.Url + path);
        }

        foreach (var (path, page) in pages)
        {
            foreach (var owner in hidden)
            {
                Assert.False(page.Contains(owner, StringComparison.Ordinal), $"{path} names {owner} to {user}");
                Assert.False(page.Contains("/accounts/" + AccountOf[owner], StringComparison.Ordinal), $"{path} links {AccountOf[owner]} for {user}");
                Assert.False(page.Contains(ReportPage(owner), StringComparison.Ordinal), $"{path} lists {owner}'s report for {user}");
            }
        }

        foreach (var owner in seen)
        {
            Assert.Contains("/accounts/" + AccountOf[owner], pages["/accounts?owner="], StringComparison.Ordinal);
            // Open, or put aside by the form tests: in one of the two tables.
            var id = dashboard.SignalOf[AccountOf[owner]].ToString(CultureInfo.InvariantCulture);
            Assert.True(pages["/signals?owner="].Contains($"id=\"signal-{id}\"", StringComparison.Ordinal) || pages["/signals?owner="].Contains($"id=\"aside-{id}\"", StringComparison.Ordinal), $"signal {id} of {owner} is listed for {user}");
            Assert.Contains(ReportPage(owner), pages["/reports"], StringComparison.Ordinal);
        }

        // Counts are of what the user sees (the form tests may have put some of these signals aside meanwhile).
        var open = (await dashboard.Host.Services.GetRequiredService<SignalStore>().LiveAsync(CancellationToken.None))
            .Count(s => s.State == SignalStates.Open && seen.Contains(s.OwnerEmail));
        Assert.Contains($"{seen.Count} of {seen.Count} accounts", pages["/accounts?owner="], StringComparison.Ordinal);
        Assert.Contains($"{open} open signals", pages["/signals?owner="], StringComparison.Ordinal);
        Assert.Contains($"<th>all</th><th class=\"num\">{open}</th>", pages["/"], StringComparison.Ordinal);
        // Company-wide figures and the jobs only for those whose role shows them.
        var company = user is Fin or Ada;
        Assert.Equal(company, pages["/"].Contains("<th class=\"num\">rows</th>", StringComparison.Ordinal));
        Assert.Equal(company, pages["/reports"].Contains("forecast.html", StringComparison.Ordinal));
        Assert.Equal(user == Ada, pages["/"].Contains("id=\"jobs\"", StringComparison.Ordinal));
        Assert.Equal(user == Ada, pages["/"].Contains("href=\"/jobs\"", StringComparison.Ordinal));
        Assert.Equal(user == Ada, pages["/"].Contains("href=\"/audit\"", StringComparison.Ordinal));
        // The forms to put a signal aside only for those who may.
        Assert.Equal(user is Ann or Lee, pages["/signals?owner="].Contains("class=\"inline ack\"", StringComparison.Ordinal));
    }
}
