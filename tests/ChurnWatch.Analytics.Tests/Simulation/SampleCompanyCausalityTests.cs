using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Simulation;
using Xunit.Abstractions;

namespace ChurnWatch.Analytics.Tests.Simulation;

/// <summary>Churn and expansion follow behaviour that shows in the data before they happen.</summary>
public sealed class SampleCompanyCausalityTests(SampleCompanyFixture fixture, ITestOutputHelper output) : IClassFixture<SampleCompanyFixture>
{
    /// <summary>Weekly active users at or above this share of seats count as a saturated licence.</summary>
    private const double SaturationThreshold = 0.9;

    [Fact]
    public void Generate_ChurnedAccounts_ShowWarningSignsBeforeChurnFarMoreOftenThanRetained()
    {
        var churned = Rate(fixture.Company.Accounts.Where(a => fixture.ChurnedAt(a.AccountId) is not null),
            a => fixture.ChurnedAt(a.AccountId)!.Value);
        var retained = Rate(fixture.Company.Accounts.Where(a => fixture.ChurnedAt(a.AccountId) is null), _ => fixture.End);
        output.WriteLine($"warning signs before churn: {churned.Hits}/{churned.Total}; retained at end: {retained.Hits}/{retained.Total}");

        Assert.True(churned.Total >= 30, $"only {churned.Total} churned accounts with 13 weeks of history");
        Assert.True(retained.Total >= 30, $"only {retained.Total} retained accounts with 13 weeks of history");
        Assert.True(churned.Share >= 2 * retained.Share, $"churned {churned.Share:P0} vs retained {retained.Share:P0}");
        Assert.True(churned.Share > 0.5, $"only {churned.Share:P0} of churned accounts showed a warning sign");

        // Noise: some retained accounts look unhealthy and some churned ones looked fine, so no perfect model exists.
        Assert.True(retained.Hits > 0);
        Assert.True(churned.Hits < churned.Total);
    }

    [Fact]
    public void Generate_ChurnedAccounts_WeeklyActiveUsersFallBeforeChurn()
    {
        // Recent 4 weeks against the 12 before, for churned accounts at churn and retained accounts at the end.
        double Trend(string accountId, DateTime instant)
        {
            var before = fixture.MeanWeeklyUsers(accountId, instant, skip: 4, weeks: 12);
            return before == 0 ? 1.0 : fixture.MeanWeeklyUsers(accountId, instant, skip: 0, weeks: 4) / before;
        }

        var withHistory = fixture.Company.Accounts
            .Select(a => (a.AccountId, At: fixture.ChurnedAt(a.AccountId) ?? fixture.End))
            .Where(a => a.At - fixture.SubscriptionsByAccount[a.AccountId][0].StartedAt >= TimeSpan.FromDays(17 * 7))
            .ToList();
        var churned = withHistory.Where(a => fixture.ChurnedAt(a.AccountId) is not null).Select(a => Trend(a.AccountId, a.At)).ToList();
        var retained = withHistory.Where(a => fixture.ChurnedAt(a.AccountId) is null).Select(a => Trend(a.AccountId, a.At)).ToList();
        var fallingChurned = churned.Count(t => t < 0.8) / (double)churned.Count;
        var fallingRetained = retained.Count(t => t < 0.8) / (double)retained.Count;
        output.WriteLine($"median trend churned {Median(churned):F2} (n={churned.Count}), retained {Median(retained):F2} (n={retained.Count}); " +
            $"falling >20%: churned {fallingChurned:P0}, retained {fallingRetained:P0}");

        Assert.True(Median(churned) < Median(retained), $"median churned {Median(churned):F2} vs retained {Median(retained):F2}");
        Assert.True(fallingChurned >= 2 * fallingRetained, $"churned {fallingChurned:P0} vs retained {fallingRetained:P0}");
    }

    [Fact]
    public void Generate_Expansions_FollowSeatSaturation()
    {
        var expansions = 0;
        var saturatedBefore = 0;
        foreach (var (accountId, subscriptions) in fixture.SubscriptionsByAccount)
        {
            for (var i = 1; i < subscriptions.Count; i++)
            {
                var (before, after) = (subscriptions[i - 1], subscriptions[i]);
                if (after.Seats > before.Seats && after.StartedAt - fixture.Company.Subscriptions.First(s => s.AccountId == accountId).StartedAt > TimeSpan.FromDays(42))
                {
                    expansions++;
                    saturatedBefore += Utilisation(accountId, after.StartedAt, before.Seats!.Value) >= SaturationThreshold ? 1 : 0;
                }
            }
        }

        var baseline = 0;
        var saturatedBaseline = 0;
        foreach (var account in fixture.Company.Accounts.Where(a => fixture.ChurnedAt(a.AccountId) is null))
        {
            var current = fixture.SubscriptionsByAccount[account.AccountId][^1];
            if (fixture.End - current.StartedAt > TimeSpan.FromDays(42))
            {
                baseline++;
                saturatedBaseline += Utilisation(account.AccountId, fixture.End, current.Seats!.Value) >= SaturationThreshold ? 1 : 0;
            }
        }

        var expansionShare = saturatedBefore / (double)expansions;
        var baselineShare = saturatedBaseline / (double)baseline;
        output.WriteLine($"saturated before expansion: {saturatedBefore}/{expansions}; retained at end: {saturatedBaseline}/{baseline}");
        Assert.True(expansions >= 20, $"only {expansions} expansions");
        Assert.True(expansionShare >= 2 * baselineShare, $"expansions {expansionShare:P0} vs baseline {baselineShare:P0}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private (int Hits, int Total, double Share) Rate(IEnumerable<Account> accounts, Func<Account, DateTime> at)
    {
        var hits = 0;
        var total = 0;
        foreach (var account in accounts)
        {
            var instant = at(account);
            var start = fixture.SubscriptionsByAccount[account.AccountId][0].StartedAt;
            if (instant - start < TimeSpan.FromDays(13 * 7))
            {
                continue;
            }

            total++;
            hits += HasWarningSign(account.AccountId, instant) ? 1 : 0;
        }

        return (hits, total, total == 0 ? 0 : hits / (double)total);
    }

    /// <summary>What an account manager would see before <paramref name="instant"/>: a usage drop, stuck urgent tickets or failed payments.</summary>
    private bool HasWarningSign(string accountId, DateTime instant)
    {
        var recent = fixture.MeanWeeklyUsers(accountId, instant, skip: 0, weeks: 4);
        var before = fixture.MeanWeeklyUsers(accountId, instant, skip: 4, weeks: 12);
        var usageDrop = before > 0 && recent < 0.7 * before;
        var stuckTicket = fixture.Company.Tickets.Any(t => t.AccountId == accountId && t.Priority >= TicketPriority.High
            && t.OpenedAt < instant.AddDays(-14) && t.IsOpenAt(instant));
        var failedPayment = fixture.Company.PaymentAttempts.Any(p => p.AccountId == accountId && !p.Succeeded
            && p.AttemptedAt < instant && p.AttemptedAt >= instant.AddDays(-60))
            || fixture.Company.Invoices.Any(i => i.AccountId == accountId && i.IsPastDueAt(instant.AddDays(-30)) && i.IssuedAt < instant.AddDays(-30)
                && (i.PaidAt is null || i.PaidAt >= instant));
        var keyFeaturesUsed = fixture.EventsByAccount.GetValueOrDefault(accountId, []).Where(e => e.OccurredAt < instant && e.OccurredAt >= instant.AddDays(-56))
            .Select(e => e.Feature).Where(SampleFeatures.Key.Contains).Distinct().Count();
        var poorOnboarding = keyFeaturesUsed < 2;
        return usageDrop || stuckTicket || failedPayment || poorOnboarding;
    }

    /// <summary>Distinct users over the 4 full weeks before <paramref name="instant"/>, over seats (licence utilisation).</summary>
    private double Utilisation(string accountId, DateTime instant, int seats)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        var lastFullWeek = SampleCompanyFixture.WeekOf(instant).AddDays(-7);
        for (var i = 0; i < 4; i++)
        {
            if (fixture.WeeklyUsers.TryGetValue(accountId, out var byWeek) && byWeek.TryGetValue(lastFullWeek.AddDays(-7 * i), out var week))
            {
                users.UnionWith(week);
            }
        }

        return users.Count / (double)seats;
    }
}
