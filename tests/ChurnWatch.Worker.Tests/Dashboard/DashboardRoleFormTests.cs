using System.Globalization;
using System.Net;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static ChurnWatch.Worker.Tests.Dashboard.DashboardRolesFixture;

namespace ChurnWatch.Worker.Tests.Dashboard;

/// <summary>
/// The signal forms of the role table: an account manager acknowledges, snoozes and reopens their own signals, a team lead
/// their team's; another owner's signal answers 404 as if it did not exist; finance and the admin see signals but
/// get 403, and nothing changes.
/// </summary>
public sealed class DashboardRoleFormTests(DashboardRolesFixture dashboard) : IClassFixture<DashboardRolesFixture>
{
    public static TheoryData<string, string, int> SignalForms()
    {
        var rows = new TheoryData<string, string, int>();
        foreach (var (user, owners) in DashboardRoleTests.Sees)
        {
            foreach (var (owner, account) in AccountOf)
            {
                var sees = owners is null || owners.Contains(owner);
                var changes = user is Ann or Lee;
                rows.Add(user, account, !sees ? 404 : changes ? 302 : 403);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SignalForms))]
    public async Task Post_AcknowledgeSnoozeReopen_OnlyOwnOrTeamSignalsAndNeverByFinanceOrAdmin(string user, string account, int status)
    {
        var id = dashboard.SignalOf[account].ToString(CultureInfo.InvariantCulture);
        // The dashboard's own clock is the system's here; a week ahead is after its today.
        var until = TimeProvider.System.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var ack = await dashboard.As(user).PostFromAsync("/", $"/signals/{id}/ack", ("reason", "called them"), ("owner", ""));
        var snooze = await dashboard.As(user).PostFromAsync("/", $"/signals/{id}/snooze", ("reason", "after the holidays"), ("until", until), ("owner", ""));
        var reopen = await dashboard.As(user).PostFromAsync("/", $"/signals/{id}/reopen", ("reason", "news from the customer"), ("owner", ""));
        var page = await snooze.Content.ReadAsStringAsync();

        Assert.Equal(((HttpStatusCode)status, (HttpStatusCode)status, (HttpStatusCode)status), (ack.StatusCode, snooze.StatusCode, reopen.StatusCode));
        if (status == 404)
        {
            Assert.Contains($"No signal has ID {id}.", page, StringComparison.Ordinal);
            // Nothing of the signal's account or owner (an ID alone could turn up inside the random anti-forgery token).
            Assert.DoesNotContain("/accounts/" + account, page, StringComparison.Ordinal);
            Assert.DoesNotContain(AccountOf.Single(o => o.Value == account).Key, page, StringComparison.Ordinal);
        }
        else if (status == 403)
        {
            Assert.Contains("Nothing changed.", page, StringComparison.Ordinal);
        }

        var audit = await dashboard.Host.Services.GetRequiredService<AuditStore>().ListAsync(null, 1000, CancellationToken.None);
        var recorded = audit.Where(e => e.Actor == user && e.Target == $"signal {id}").Select(e => e.Action).Order(StringComparer.Ordinal).ToList();
        // What was done is in the audit trail under the user's name; what was refused is not.
        Assert.Equal(status == 302 ? [AuditActions.SignalAcknowledged, AuditActions.SignalReopened, AuditActions.SignalSnoozed] : [], recorded);
        var state = (await dashboard.Host.Services.GetRequiredService<SignalStore>().GetAsync(dashboard.SignalOf[account], CancellationToken.None))!;
        if (status != 302)
        {
            // Refused: never recorded as this user's doing (a manager allowed to may have put it aside before).
            Assert.NotEqual(user, state.StateBy);
        }
        else
        {
            Assert.Equal(("open", "news from the customer", user), (state.State, state.StateReason, state.StateBy));
        }
    }

}
