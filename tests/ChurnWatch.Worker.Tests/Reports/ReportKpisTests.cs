using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class ReportKpisTests
{
    [Fact]
    public void FromRows_ThreeAccounts_SumsArrAndExpectedLossAndRenewalsInWindow()
    {
        var rows = new[]
        {
            ReportFixtures.Row("A", "A", 100_000m, 0.5, RiskBand.High, renewal: new DateOnly(2026, 12, 1)),
            ReportFixtures.Row("B", "B", 50_000m, 0.1, RiskBand.Low, renewal: new DateOnly(2027, 2, 14)), // day 90: outside
            ReportFixtures.Row("C", "C", 10_000m, 0.2, RiskBand.Medium, renewal: new DateOnly(2026, 11, 16)), // as-of day: inside
        };

        var kpis = ReportKpis.FromRows(rows, new DateOnly(2026, 11, 16));

        Assert.Equal(3, kpis.Accounts);
        Assert.Equal(160_000m, kpis.Arr);
        Assert.Equal(57_000m, kpis.ArrAtRisk);
        Assert.Equal(1, kpis.HighRiskAccounts);
        Assert.Equal(2, kpis.RenewalsDue);
        Assert.Equal(110_000m, kpis.RenewalArrDue);
    }

    [Fact]
    public void Rank_Rows_OrdersByArrTimesChurnProbability()
    {
        var rows = new[]
        {
            ReportFixtures.Row("small-risky", "x", 10_000m, 0.9, RiskBand.High),   // 9,000
            ReportFixtures.Row("big-safe", "x", 500_000m, 0.04, RiskBand.Low),     // 20,000
            ReportFixtures.Row("mid", "x", 100_000m, 0.15, RiskBand.Medium),       // 15,000
        };

        var ranked = AccountRiskRow.Rank(rows).Select(r => r.AccountId);

        Assert.Equal(["big-safe", "mid", "small-risky"], ranked);
    }

    [Fact]
    public void SourceFreshness_Assess_OlderThanThreshold_IsStale()
    {
        var now = new DateTime(2026, 11, 16, 12, 0, 0, DateTimeKind.Utc);

        var fresh = SourceAsOf.Assess("usage", now.AddHours(-36), now, now, TimeSpan.FromHours(36));
        var stale = SourceAsOf.Assess("usage", now.AddHours(-36).AddSeconds(-1), now, now, TimeSpan.FromHours(36));

        Assert.False(fresh.IsStale);
        Assert.True(stale.IsStale);
    }

    [Fact]
    public void SignalCounts_FromRows_ListsEveryKindInEnumOrder()
    {
        var report = ReportFixtures.Report();

        Assert.Equal(
            [(Analytics.Signals.SignalKind.NeverActivated, 0), (Analytics.Signals.SignalKind.GoneDark, 0), (Analytics.Signals.SignalKind.Declining, 3), (Analytics.Signals.SignalKind.SeatSaturation, 0), (Analytics.Signals.SignalKind.StrongGrowth, 0),
             (Analytics.Signals.SignalKind.PlanFit, 0), (Analytics.Signals.SignalKind.SupportRisk, 0), (Analytics.Signals.SignalKind.BillingRisk, 0), (Analytics.Signals.SignalKind.RenewalAtRisk, 0), (Analytics.Signals.SignalKind.RiskJump, 0)],
            report.SignalCounts.Select(c => (c.Kind, c.Count)));
        Assert.Equal(3, report.Kpis.Accounts);
    }
}
