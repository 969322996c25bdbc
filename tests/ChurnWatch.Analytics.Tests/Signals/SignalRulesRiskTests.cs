using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Analytics.Tests.Signals;

/// <summary>Boundaries of the plan-fit, support, billing, renewal and risk-jump rules at their default thresholds.</summary>
public sealed class SignalRulesRiskTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);
    private static readonly SignalOptions Defaults = new();
    private readonly SignalRules _rules = new(Defaults);

    private static AccountActivity Activity(string id = "A1", int users = 5, string plan = "Team") =>
        new(id, AsOf, AsOf.AddDays(-200), 50, Enumerable.Repeat(users, 12).ToArray(), AsOf.AddDays(-1), AsOf.AddDays(-190)) { Plan = plan };

    private static AccountActivity WithSupport(int urgentTooLong = 0, int oldestUrgent = 0, int sla = 0, int l3 = 0, int lowCsat = 0) =>
        Activity() with { Support = new SupportFacts(urgentTooLong, oldestUrgent, sla, l3, lowCsat) };

    private static AccountActivity WithBilling(int pastDue = 0, int oldestPastDue = 0, int failed = 0, decimal mrr = 1000, decimal mrrBefore = 1000) =>
        Activity() with { Billing = new BillingFacts(pastDue, oldestPastDue, 100m * pastDue, failed, mrr, mrrBefore) };

    [Fact]
    public void SupportRisk_NoTicketFacts_FindsNothing() => Assert.Null(_rules.SupportRisk(Activity()));

    [Fact]
    public void SupportRisk_QuietTickets_FindsNothing() => Assert.Null(_rules.SupportRisk(WithSupport()));

    [Theory]
    [InlineData(0, 0, 0, 0, 0, null)]
    [InlineData(1, 7, 0, 0, 0, SignalSeverity.Warning)]   // one urgent ticket open exactly the 7 days
    [InlineData(1, 14, 0, 0, 0, SignalSeverity.Critical)] // open twice as long
    [InlineData(0, 0, 1, 0, 0, null)]                     // one SLA breach: under the default 2
    [InlineData(0, 0, 2, 0, 0, SignalSeverity.Warning)]   // two SLA breaches
    [InlineData(0, 0, 0, 1, 0, null)]                     // one L3 escalation: under the default 2
    [InlineData(0, 0, 0, 2, 0, SignalSeverity.Warning)]   // two L3 escalations
    [InlineData(0, 0, 0, 0, 1, SignalSeverity.Warning)]   // one CSAT of 2 or less
    [InlineData(0, 0, 2, 2, 0, SignalSeverity.Critical)]  // two causes together
    public void SupportRisk_EachCause_FiresWithSeverity(int urgent, int oldest, int sla, int l3, int lowCsat, SignalSeverity? expected) =>
        Assert.Equal(expected, _rules.SupportRisk(WithSupport(urgent, oldest, sla, l3, lowCsat))?.Severity);

    [Fact]
    public void SupportRisk_ConfiguredMinimumOfOne_FiresOnOneBreachAndSaysSo()
    {
        var rules = new SignalRules(new SignalOptions { SlaBreaches = 1 });
        Assert.Equal("1 SLA breach in the last 30 days", rules.SupportRisk(WithSupport(sla: 1))!.Evidence);
        Assert.Equal("2 SLA breaches in the last 30 days", rules.SupportRisk(WithSupport(sla: 2))!.Evidence);
    }

    [Theory]
    [InlineData(0, 0, 1000, 1000, null)]
    [InlineData(1, 30, 1000, 1000, SignalSeverity.Warning)]  // one invoice at the 30 days (the builder counts only those)
    [InlineData(1, 60, 1000, 1000, SignalSeverity.Critical)] // twice as late
    [InlineData(0, 1, 1000, 1000, null)]                     // one failed attempt: under the default 2
    [InlineData(0, 2, 1000, 1000, SignalSeverity.Warning)]   // two failed attempts
    public void BillingRisk_PastDueAndFailedPayments_AgainstThresholds(int pastDue, int daysOrFailed, decimal mrr, decimal before, SignalSeverity? expected)
    {
        var activity = pastDue > 0 ? WithBilling(pastDue: pastDue, oldestPastDue: daysOrFailed, mrr: mrr, mrrBefore: before) : WithBilling(failed: daysOrFailed, mrr: mrr, mrrBefore: before);
        Assert.Equal(expected, _rules.BillingRisk(activity)?.Severity);
    }

    [Theory]
    [InlineData(901, false)] // down 9.9%
    [InlineData(900, true)]  // down exactly 10%
    [InlineData(1100, false)] // up
    public void BillingRisk_Contraction_AtTenPercent(int mrr, bool fires)
    {
        var signal = _rules.BillingRisk(WithBilling(mrr: mrr, mrrBefore: 1000));
        Assert.Equal(fires, signal is not null);
        if (fires)
        {
            Assert.Equal("MRR down 10% in the last 30 days (1,000 to 900)", signal!.Evidence);
        }
    }

    [Fact]
    public void BillingRisk_NoMrrBefore_IsNotContraction() => Assert.Null(_rules.BillingRisk(WithBilling(mrr: 500, mrrBefore: 0)));

    [Theory]
    [InlineData(90, 0.84, true)]
    [InlineData(91, 0.84, false)] // beyond the 90-day window
    [InlineData(90, 0.85, false)] // probability not below 0.85
    [InlineData(-1, 0.10, false)] // a renewal in the past is not coming up
    public void RenewalAtRisk_WindowAndProbability_Boundaries(int daysToRenewal, double probability, bool fires)
    {
        var activity = Activity() with { RenewalDate = AsOf.AddDays(daysToRenewal), Score = new ScoreFacts(0.05, null, probability) };
        Assert.Equal(fires, _rules.RenewalAtRisk(activity) is not null);
    }

    [Theory]
    [InlineData(60, 0.80, SignalSeverity.Warning)]
    [InlineData(30, 0.80, SignalSeverity.Critical)] // a month left
    [InlineData(60, 0.42, SignalSeverity.Critical)] // under half the threshold
    public void RenewalAtRisk_Severity(int daysToRenewal, double probability, SignalSeverity expected)
    {
        var activity = Activity() with { RenewalDate = AsOf.AddDays(daysToRenewal), Score = new ScoreFacts(0.05, null, probability) };
        Assert.Equal(expected, _rules.RenewalAtRisk(activity)!.Severity);
    }

    [Fact]
    public void RenewalAtRisk_MonthToMonth_FindsNothing() =>
        Assert.Null(_rules.RenewalAtRisk(Activity() with { Score = new ScoreFacts(0.5, null, null) }));

    [Theory]
    [InlineData(0.20, 0.30, SignalSeverity.Warning)]  // exactly 10 points
    [InlineData(0.20, 0.2999, null)]                   // 9.99 points
    [InlineData(0.20, 0.40, SignalSeverity.Critical)] // 20 points: twice the threshold
    [InlineData(0.40, 0.20, null)]                     // a fall is no jump
    public void RiskJump_PointsSincePreviousScoring(double before, double now, SignalSeverity? expected)
    {
        var signal = _rules.RiskJump(Activity() with { Score = new ScoreFacts(now, before, null) });
        Assert.Equal(expected, signal?.Severity);
    }

    [Fact]
    public void RiskJump_NoPreviousScoring_FindsNothing() =>
        Assert.Null(_rules.RiskJump(Activity() with { Score = new ScoreFacts(0.9, null, null) }));

    [Fact]
    public void RiskJump_Evidence_StatesBothProbabilities() =>
        Assert.Equal("Churn risk up 25 points since the previous scoring: 10% to 35%",
            _rules.RiskJump(Activity() with { Score = new ScoreFacts(0.35, 0.10, null) })!.Evidence);

    [Theory]
    [InlineData(10, 0.10, true)]  // usage at the Business median, risk at the 10% limit
    [InlineData(9, 0.05, false)]  // usage under the median
    [InlineData(12, 0.11, false)] // risk above the limit
    public void PlanFit_UsageLikeNextPlanAndLowRisk(int users, double churn, bool fires)
    {
        IReadOnlyList<AccountActivity> others = [Activity("B1", 8, "Business"), Activity("B2", 10, "Business"), Activity("B3", 30, "Business")];
        var plans = PlanUsageProfile.Build(others, ["Starter", "Team", "Business", "Enterprise"]);
        var candidate = Activity(users: users) with { Score = new ScoreFacts(churn, null, null) };

        Assert.Equal(fires, _rules.PlanFit(candidate, plans) is not null);
    }

    [Fact]
    public void PlanFit_TopPlanOrNoScore_FindsNothing()
    {
        var plans = PlanUsageProfile.Build([Activity("E1", 1, "Enterprise")], ["Starter", "Team", "Business", "Enterprise"]);
        Assert.Null(_rules.PlanFit(Activity(users: 50, plan: "Enterprise") with { Score = new ScoreFacts(0.01, null, null) }, plans));
        Assert.Null(_rules.PlanFit(Activity(users: 50, plan: "Business"), plans));
    }

    [Fact]
    public void EvaluateAll_PlanFitJudgedAgainstTheOtherAccounts()
    {
        var small = Activity("T1", 20, "Team") with { Score = new ScoreFacts(0.02, null, null) };
        var big = Activity("B1", 20, "Business") with { Score = new ScoreFacts(0.02, null, null) };

        var found = _rules.EvaluateAll([small, big], ["Team", "Business"]);

        var signal = Assert.Single(found);
        Assert.Equal(("T1", SignalKind.PlanFit), (signal.AccountId, signal.Kind));
        Assert.Equal("20 weekly active users on Team, like the Business accounts (median 20); churn risk 2%", signal.Evidence);
    }
}
