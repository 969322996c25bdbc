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

    private static void AssertAccuracy(decimal expectedArr, double meanAbsolutePercentError, double bias, ForecastAccuracy? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expectedArr, actual.Forecast);
        Assert.Equal(meanAbsolutePercentError, actual.MeanAbsolutePercentError!.Value, 12);
        Assert.Equal(bias, actual.Bias!.Value, 12);
    }

    private static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

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
        // No renewal had settled before 2024-09-30: the trailing rate is "everything renews", and says so.
        Assert.Equal((1800m, 1800m, TrailingRateBasis.EverythingRenews), (three.EverythingRenewsArr, three.TrailingRateRenewedArr!.Value, three.TrailingRateBasis!.Value));
    }

    [Fact]
    public void Run_RenewalsSettledBeforeTheForecastDate_TrailingRateBaselineAsKnownThen()
    {
        // The example's accounts (renewals settled from 2024) beside A and B, whose January 2025 renewals are forecast.
        var renewalDay = January2025.DayNumber - HistoryBuilder.Day0.DayNumber;
        var history = PastRenewalsExample.Build(new HistoryBuilder()
            .Account("A").Account("B")
            .Subscription("A", 0, renewalDay, mrr: 100, renewal: January2025, periodMonths: 12)
            .Subscription("A", renewalDay, null, mrr: 110, renewal: January2025.AddYears(1), periodMonths: 12)
            .Subscription("B", 0, renewalDay, mrr: 50, renewal: January2025, periodMonths: 12));

        var rows = RenewalForecastBacktest.Run(history, January2025, January2025, [3, 6], HistoryBuilder.Day0, 30, Probabilities, seed: 1);

        // Settled in the 12 months before 2024-09-30 (3 months ahead): Early lost (2024-02-09), Overwritten renewed
        // (2023-12-20), Kept renewed (2024-07-01); Lost's renewal settles on 2024-10-15, after it. Before 2024-07-01
        // (6 months ahead) Kept's had not: it settled that very day. All SMB, too few for a rate of their own.
        var three = rows.Single(r => r.LeadMonths == 3);
        var six = rows.Single(r => r.LeadMonths == 6);
        var rateThree = (2400m + 1200m) / (840m + 2400m + 1200m);
        var rateSix = 2400m / (840m + 2400m);
        Assert.Equal((1800m, 1800m), (three.ArrDue, six.ArrDue));
        Assert.Equal((Cents((1200m * rateThree) + (600m * rateThree)), TrailingRateBasis.Company), (three.TrailingRateRenewedArr!.Value, three.TrailingRateBasis!.Value));
        Assert.Equal((Cents((1200m * rateSix) + (600m * rateSix)), TrailingRateBasis.Company), (six.TrailingRateRenewedArr!.Value, six.TrailingRateBasis!.Value));
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
        Assert.All(summary, s => Assert.Equal(new ForecastAccuracy(s.ExpectedRenewedArr, s.MeanAbsolutePercentError, s.Bias), s.Model));
        // Nothing settled before either forecast date: both baselines expect the 1,800 due against 1,200 renewed.
        Assert.All(summary, s => AssertAccuracy(1800m, 600.0 / 1200, 600.0 / 1200, s.EverythingRenews));
        Assert.All(summary, s => Assert.Equal(s.EverythingRenews, s.TrailingRate));
    }

    [Fact]
    public void Summarise_BaselinesOverTheSameMonths_MeanOfMonthlyErrorsAndBiasOfTotals()
    {
        RenewalBacktestMonth[] rows =
        [
            new(new DateOnly(2025, 1, 1), 3, new DateOnly(2024, 9, 30), 2, 1_000m, 900m, 800m, 1_000m, 2, 800m) { TrailingRateRenewedArr = 850m },
            new(new DateOnly(2025, 2, 1), 3, new DateOnly(2024, 10, 28), 1, 500m, 450m, 0m, 500m, 1, 500m) { TrailingRateRenewedArr = 425m },
            new(new DateOnly(2025, 3, 1), 3, new DateOnly(2024, 12, 2), 1, 300m, 200m, 0m, 300m, 0, 0m) { TrailingRateRenewedArr = 255m },
        ];

        var summary = Assert.Single(RenewalForecastBacktest.Summarise(rows));

        // The month where nothing renewed has no percentage error but counts in the totals.
        AssertAccuracy(1_550m, ((100.0 / 800) + (50.0 / 500)) / 2, (1_550.0 - 1_300) / 1_300, summary.Model);
        AssertAccuracy(1_530m, ((50.0 / 800) + (75.0 / 500)) / 2, (1_530.0 - 1_300) / 1_300, summary.TrailingRate);
        AssertAccuracy(1_800m, ((200.0 / 800) + (0.0 / 500)) / 2, (1_800.0 - 1_300) / 1_300, summary.EverythingRenews);
        Assert.Equal(3.0 / 3, summary.Coverage);
    }

    [Fact]
    public void Summarise_MonthsWithoutTheTrailingBaseline_LeaveItOut()
    {
        RenewalBacktestMonth[] rows = [new(new DateOnly(2025, 1, 1), 3, new DateOnly(2024, 9, 30), 2, 1_000m, 900m, 800m, 1_000m, 2, 800m)];

        var summary = Assert.Single(RenewalForecastBacktest.Summarise(rows));

        Assert.Null(summary.TrailingRate);
        Assert.Equal(1_000m, summary.EverythingRenews!.Forecast);
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
