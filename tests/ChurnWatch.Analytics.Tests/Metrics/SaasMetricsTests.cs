using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Metrics;

public sealed class SaasMetricsTests
{
    // Day 0 is Monday 2024-01-01; day 31 is 2024-02-01, day 60 is 2024-03-01, day 91 is 2024-04-01.
    private static readonly DateOnly February = new(2024, 2, 1);

    /// <summary>One customer per kind of movement in February 2024, each with its MRR written beside it.</summary>
    private static CompanyHistory February2024()
    {
        var b = new HistoryBuilder();
        foreach (var id in new[] { "A", "B", "C", "D", "E", "F", "G" })
            b.Account(id);
        return b
            .Subscription("A", 0, 40, mrr: 100).Subscription("A", 40, null, mrr: 150)   // expansion +50
            .Subscription("B", 0, 45, mrr: 200)                                        // churn 200
            .Subscription("C", 35, null, mrr: 80)                                      // new 80
            .Subscription("D", 0, 50, mrr: 120).Subscription("D", 50, null, mrr: 90)    // contraction 30
            .Subscription("E", 0, 55, mrr: 60).Subscription("E", 70, null, mrr: 60)     // 15-day gap: not churn
            .Subscription("F", 0, 5, mrr: 50).Subscription("F", 45, null, mrr: 70)      // churned in January, back: reactivation 70
            .Subscription("G", 36, 50, mrr: 40)                                         // signs up and cancels in February
            .Build(HistoryBuilder.At(200));
    }

    [Fact]
    public void Compute_OneCustomerPerMovement_ClassifiesEachAndTheBridgeAddsUp()
    {
        var report = SaasMetrics.Compute(February2024(), February, 2, new MetricsOptions());
        var feb = report.Months[0];

        Assert.Equal(100m + 200m + 120m + 60m, feb.StartMrr);
        Assert.Equal(80m, feb.NewMrr);
        Assert.Equal(50m, feb.ExpansionMrr);
        Assert.Equal(30m, feb.ContractionMrr);
        Assert.Equal(200m, feb.ChurnedMrr);
        Assert.Equal(70m, feb.ReactivationMrr);
        Assert.Equal(150m + 80m + 90m + 60m + 70m, feb.EndMrr);
        Assert.Equal(feb.EndMrr, feb.StartMrr + feb.NewMrr + feb.ExpansionMrr - feb.ContractionMrr - feb.ChurnedMrr + feb.ReactivationMrr);
        Assert.Equal((4, 1, 1, 1, 5, 1), (feb.CustomersStart, feb.NewCustomers, feb.ReactivatedCustomers, feb.ChurnedCustomers, feb.CustomersEnd, feb.SignedUpAndCancelled));
        Assert.Equal(feb.CustomersEnd, feb.CustomersStart + feb.NewCustomers + feb.ReactivatedCustomers - feb.ChurnedCustomers);
    }

    [Fact]
    public void Compute_Rates_FollowTheDefinitions()
    {
        var feb = SaasMetrics.Compute(February2024(), February, 1, new MetricsOptions()).Months[0];

        Assert.Equal(1.0 / 4, feb.LogoChurnRate);
        Assert.Equal(230.0 / 480, feb.GrossMrrChurn!.Value, 12);
        Assert.Equal((200.0 + 30 - 50 - 70) / 480, feb.NetMrrChurn!.Value, 12);
        Assert.Equal((480.0 - 30 - 200) / 480, feb.GrossRevenueRetention!.Value, 12);
        Assert.Equal((480.0 + 50 - 30 - 200) / 480, feb.NetRevenueRetention!.Value, 12);
    }

    [Fact]
    public void Compute_QuietMonth_CarriesTheEndOverAndMovesNothing()
    {
        var report = SaasMetrics.Compute(February2024(), February, 2, new MetricsOptions());
        var march = report.Months[1];

        Assert.Equal(report.Months[0].EndMrr, march.StartMrr);
        Assert.Equal(march.StartMrr, march.EndMrr);
        Assert.Equal(0m, march.NewMrr + march.ExpansionMrr + march.ContractionMrr + march.ChurnedMrr + march.ReactivationMrr);
    }

    [Fact]
    public void Compute_NoGracePeriod_TheGapIsChurnThenReactivation()
    {
        var report = SaasMetrics.Compute(February2024(), February, 2, new MetricsOptions { GraceDays = 0 });

        Assert.Equal(200m + 60m, report.Months[0].ChurnedMrr);
        Assert.Equal(60m, report.Months[1].ReactivationMrr);
    }

    [Fact]
    public void Compute_SameMonthSignupCountedAsNewAndChurn_AddsItsMrrToBothAndTheBridgeStillAddsUp()
    {
        var excluded = SaasMetrics.Compute(February2024(), February, 1, new MetricsOptions()).Months[0];
        var counted = SaasMetrics.Compute(February2024(), February, 1, new MetricsOptions { SameMonthSignupAndCancel = SameMonthCancellation.CountAsNewAndChurn }).Months[0];

        Assert.Equal(excluded.NewMrr + 40m, counted.NewMrr);
        Assert.Equal(excluded.ChurnedMrr + 40m, counted.ChurnedMrr);
        Assert.Equal(counted.EndMrr, counted.StartMrr + counted.NewMrr + counted.ExpansionMrr - counted.ContractionMrr - counted.ChurnedMrr + counted.ReactivationMrr);
        Assert.Equal(excluded.LogoChurnRate, counted.LogoChurnRate);
    }

    [Fact]
    public void Compute_DelinquentCountedAsChurned_ChurnsWhileUnpaidAndReactivatesWhenPaid()
    {
        // Due on day 10, paid on day 100: 30+ days past due from day 40 (February) until day 100 (April).
        var history = new HistoryBuilder().Account("H").Subscription("H", 0, null, mrr: 100)
            .Invoice("H", HistoryBuilder.At(0), HistoryBuilder.At(10), HistoryBuilder.At(100), "paid")
            .Build(HistoryBuilder.At(200));

        var active = SaasMetrics.Compute(history, February, 3, new MetricsOptions { DelinquentAfterDays = 30 });
        var churned = SaasMetrics.Compute(history, February, 3, new MetricsOptions { DelinquentAfterDays = 30, Delinquent = DelinquentTreatment.CountAsChurned });

        Assert.All(active.Months, m => Assert.Equal((100m, 100m), (m.StartMrr, m.EndMrr)));
        Assert.Equal(100m, churned.Months[0].ChurnedMrr);
        Assert.Equal(0m, churned.Months[1].StartMrr + churned.Months[1].EndMrr);
        Assert.Equal(100m, churned.Months[2].ReactivationMrr);
    }

    [Fact]
    public void Compute_Cohorts_AreSharesOfTheStartingMrrAndCount()
    {
        var report = SaasMetrics.Compute(February2024(), February, 2, new MetricsOptions());

        // The February cohort is C (80, stays) and G (40, gone by the end of February); F and the others started in January.
        var feb = report.Cohorts.Where(c => c.Cohort == February).OrderBy(c => c.MonthsSinceStart).ToList();
        Assert.Equal(2, feb.Count);
        Assert.All(feb, c => Assert.Equal((2, 120m), (c.Accounts, c.StartingMrr)));
        Assert.Equal((1, 80m), (feb[0].ActiveAccounts, feb[0].Mrr));
        Assert.Equal(80.0 / 120, feb[0].MrrRetention!.Value, 12);
        Assert.Equal(0.5, feb[0].LogoRetention);
        Assert.DoesNotContain(report.Cohorts, c => c.Cohort < February);
    }

    [Fact]
    public void FirstOfLastCompleteMonths_MidMonth_EndsWithTheMonthBefore()
    {
        Assert.Equal(new DateOnly(2025, 11, 1), SaasMetrics.FirstOfLastCompleteMonths(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc), 12));
    }

    [Fact]
    public void LastCompleteMonths_DataStartsInsideTheWindow_StartsAtTheFirstSubscriptionsMonth()
    {
        // Five months of data asked for twelve: the window starts in the month of the first subscription, not with
        // seven empty months before it, and ends with the last complete month as before.
        var start = new DateTime(2025, 6, 17, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2025, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var history = new CompanyHistory([new Account("A", "A", "am@vendor.test", "SMB", "EMEA", start, 1)],
            [new Subscription("S", "A", "Team", 100m, "USD", 1, start, null, null, true, 1)], [], [], null, null, null, end);

        var (first, months) = SaasMetrics.LastCompleteMonths(history, 12);
        var report = SaasMetrics.Compute(history, first, months, new MetricsOptions());

        Assert.Equal((new DateOnly(2025, 6, 1), 5), (first, months));
        Assert.Equal(new DateOnly(2025, 10, 1), report.Months[^1].Month);
        Assert.Equal(100m, report.Months[0].NewMrr);
        Assert.Equal(SaasMetrics.FirstOfLastCompleteMonths(end, 12).AddMonths(12), first.AddMonths(months));
        Assert.Equal((SaasMetrics.FirstOfLastCompleteMonths(end, 3), 3), SaasMetrics.LastCompleteMonths(history, 3));
        Assert.Throws<InvalidOperationException>(() => SaasMetrics.LastCompleteMonths(history with { DataAsOf = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc) }, 12));
    }
}
