using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class RenewalForecastBacktestTests
{
    private static readonly DateOnly January2025 = new(2025, 1, 1);

    /// <summary>A and B hold annual contracts renewing on 2025-01-01: A renews (a new subscription), B leaves.</summary>
    private static CompanyHistory History()
    {
        var renewalDay = January2025.DayNumber - HistoryBuilder.Day0.DayNumber;
        return new HistoryBuilder()
            .Account("A").Account("B")
            .Subscription("A", 0, renewalDay, mrr: 100, renewal: January2025, periodMonths: 12)
            .Subscription("A", renewalDay, null, mrr: 110, renewal: January2025.AddYears(1), periodMonths: 12)
            .Subscription("B", 0, renewalDay, mrr: 50, renewal: January2025, periodMonths: 12)
            .Build(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static IReadOnlyDictionary<string, double> Probabilities(DateOnly _) => new Dictionary<string, double> { ["A"] = 0.9, ["B"] = 0.6 };

    [Fact]
    public void Run_PastMonth_ComparesTheExpectationAtEachLeadWithTheArrThatRenewed()
    {
        var rows = RenewalForecastBacktest.Run(History(), January2025, January2025.AddMonths(1), [6, 3], HistoryBuilder.Day0, 30, Probabilities, seed: 1);

        // February had nothing due: no row. January once per lead, shortest lead first.
        Assert.Equal([3, 6], rows.Select(r => r.LeadMonths));
        var three = rows[0];
        Assert.Equal(new DateOnly(2024, 9, 30), three.ForecastDate); // the Monday on or before 2024-10-01
        Assert.Equal((2, 1800m), (three.RenewalsDue, three.ArrDue));
        Assert.Equal(1200m * 0.9m + 600m * 0.6m, three.ExpectedRenewedArr);
        Assert.Equal((1, 1200m), (three.ActualRenewals, three.ActualRenewedArr));
        Assert.Equal(240m, three.Error);
        Assert.Equal(0.2, three.AbsolutePercentError!.Value, 12);
        Assert.Equal(1800m, three.P90RenewedArr);
        Assert.Equal(three.P10RenewedArr <= 1200m, three.InsideRange);
        // Both renew in 54% of the draws, A alone in 36%: the median draw renews both.
        Assert.Equal(1800m, three.P50RenewedArr);
    }

    [Fact]
    public void Run_ForecastDateBeforeTheEarliest_IsLeftOut()
    {
        var rows = RenewalForecastBacktest.Run(History(), January2025, January2025, [3, 6], new DateOnly(2024, 8, 1), 30, Probabilities, seed: 1);

        Assert.Equal([3], rows.Select(r => r.LeadMonths));
    }

    [Fact]
    public void Summarise_PerLead_AddsUpTheMonths()
    {
        var rows = RenewalForecastBacktest.Run(History(), January2025, January2025, [3, 6], HistoryBuilder.Day0, 30, Probabilities, seed: 1);

        var summary = RenewalForecastBacktest.Summarise(rows);

        Assert.Equal([3, 6], summary.Select(s => s.LeadMonths));
        Assert.All(summary, s => Assert.Equal((1, 1800m, 1440m, 1200m), (s.Months, s.ArrDue, s.ExpectedRenewedArr, s.ActualRenewedArr)));
        Assert.All(summary, s => Assert.Equal(240.0 / 1200, s.Bias!.Value, 12));
        Assert.All(summary, s => Assert.Equal(0.2, s.MeanAbsolutePercentError!.Value, 12));
    }

    [Fact]
    public void LastSettledMonth_NeedsTheGracePeriodAfterTheMonthsLastDay()
    {
        Assert.Equal(new DateOnly(2025, 4, 1), RenewalForecastBacktest.LastSettledMonth(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), 30));
        Assert.Equal(new DateOnly(2025, 5, 1), RenewalForecastBacktest.LastSettledMonth(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), 0));
    }

    [Fact]
    public void RenewalBook_Renewed_UnknownUntilTheGracePeriodHasPassed()
    {
        var subscriptions = History().Subscriptions.Where(s => s.AccountId == "A").ToList();

        Assert.True(RenewalBook.Renewed(subscriptions, January2025, 30, new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Null(RenewalBook.Renewed(subscriptions, January2025, 30, new DateTime(2025, 1, 20, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void RenewalForecaster_ForecastBySegment_GivesEachSegmentItsMonthsAndAddsUpToTheTotal()
    {
        RenewalExposure[] renewals =
        [
            new("A", new DateOnly(2026, 3, 10), 12_000m, 0.9, "SMB"),
            new("B", new DateOnly(2026, 4, 2), 6_000m, 0.5, "Enterprise"),
            new("C", new DateOnly(2026, 3, 20), 3_000m, 0.5, "SMB"),
        ];

        var rows = RenewalForecaster.ForecastBySegment(renewals, new DateOnly(2026, 3, 1), 2, seed: 1);
        var total = RenewalForecaster.Forecast(renewals, new DateOnly(2026, 3, 1), 2, seed: 1);

        Assert.Equal(["Enterprise", "Enterprise", "SMB", "SMB"], rows.Select(r => r.Segment));
        Assert.Equal(total.Sum(t => t.ArrDue), rows.Sum(r => r.ArrDue));
        Assert.Equal(total.Sum(t => t.ExpectedRenewedArr), rows.Sum(r => r.ExpectedRenewedArr));
        Assert.Equal(15_000m, rows[2].ArrDue);
    }
}
