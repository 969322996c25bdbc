using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

/// <summary>Month-to-month revenue: the book, the forecast of MRR kept, the trailing-rate baseline and the backtest.</summary>
public sealed class MonthToMonthForecastTests
{
    private static readonly DateOnly June2024 = new(2024, 6, 1);

    private static int Day(DateOnly date) => date.DayNumber - HistoryBuilder.Day0.DayNumber;

    /// <summary>
    /// M1 and M2 on monthly plans since day 0; M2 leaves on 2024-03-10. A1 holds an annual contract (not month-to-month).
    /// M3 joins on 2024-07-01 and leaves on 2024-08-15.
    /// </summary>
    private static CompanyHistory History() => new HistoryBuilder()
        .Account("M1").Account("M2").Account("M3").Account("A1")
        .Subscription("M1", 0, null, mrr: 100)
        .Subscription("M2", 0, Day(new DateOnly(2024, 3, 10)), mrr: 50)
        .Subscription("M3", Day(new DateOnly(2024, 7, 1)), Day(new DateOnly(2024, 8, 15)), mrr: 40)
        .Subscription("A1", 0, null, mrr: 1000, renewal: new DateOnly(2025, 1, 1), periodMonths: 12)
        .Build(new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Book_AccountsWithoutARenewalDate_WithTheirMrrAndProbability()
    {
        var book = MonthToMonthBook.At(History(), new DateOnly(2024, 2, 5), id => id == "M1" ? 0.1 : 0.4);

        Assert.Equal([("M1", 100m, 0.1), ("M2", 50m, 0.4)], book.Select(e => (e.AccountId, e.Mrr, e.ChurnProbability)));
    }

    [Fact]
    public void Forecast_ConstantHazard_ExpectedKeptAndANormalRangeAroundIt()
    {
        MonthToMonthExposure[] book = [new("M1", 100m, 0.1), new("M2", 50m, 0.4)];
        var asOf = new DateOnly(2024, 6, 10);

        var rows = MonthToMonthForecaster.Forecast(book, asOf, months: 3, horizonDays: 90, trailingMonthlyChurnRate: 0.05);

        Assert.Equal([June2024, June2024.AddMonths(1), June2024.AddMonths(2)], rows.Select(r => r.Month));
        var july = rows[1];
        var days = new DateOnly(2024, 8, 1).DayNumber - asOf.DayNumber;
        double s1 = Math.Pow(0.9, days / 90.0), s2 = Math.Pow(0.6, days / 90.0);
        var mean = (100 * s1) + (50 * s2);
        var sd = Math.Sqrt((100 * 100 * s1 * (1 - s1)) + (50 * 50 * s2 * (1 - s2)));
        Assert.Equal(mean, (double)july.ExpectedMrrKept, 2);
        Assert.Equal(mean, (double)july.P50MrrKept, 2);
        Assert.Equal(mean - (1.2815515655446004 * sd), (double)july.P10MrrKept, 2);
        Assert.Equal(Math.Min(150, mean + (1.2815515655446004 * sd)), (double)july.P90MrrKept, 2);
        Assert.Equal(150 * Math.Pow(0.95, days / (365.25 / 12)), (double)july.TrailingRateMrrKept, 2);
        // Less is kept the further ahead.
        Assert.True(rows[0].ExpectedMrrKept > rows[1].ExpectedMrrKept && rows[1].ExpectedMrrKept > rows[2].ExpectedMrrKept);
    }

    [Fact]
    public void TrailingRate_SettledMonthsBeforeTheDate_ChurnedMrrOverStartingMrr()
    {
        // As of 2024-06-03, grace 30 days: the settled months are those ending by 2024-05-04, so up to April 2024,
        // twelve months back to May 2023; only January to April 2024 had accounts. M2 (50) churned in March: months
        // January-March had M1 and M2 (150 a month), April M1 alone (100).
        var rate = MonthToMonthChurnRate.Trailing(History(), new DateOnly(2024, 6, 3), graceDays: 30);

        Assert.Equal(50.0 / ((3 * 150) + 100), rate!.Value, 12);
        Assert.Null(MonthToMonthChurnRate.Trailing(History(), new DateOnly(2024, 1, 15), graceDays: 30));
    }

    [Fact]
    public void TrailingRate_ChurnNotYetConfirmedAtTheDate_IsNotCounted()
    {
        // As of 2024-04-01 March is not settled (its end + 30 days is after the date): January and February only.
        var rate = MonthToMonthChurnRate.Trailing(History(), new DateOnly(2024, 4, 1), graceDays: 30);

        Assert.Equal(0.0, rate!.Value, 12);
    }

    [Fact]
    public void Backtest_PastMonth_TheForecastMadeThenAgainstTheMrrStillPaidAtItsEnd()
    {
        var september = new DateOnly(2024, 9, 1);

        var rows = MonthToMonthBacktest.Run(History(), september, september, [3], HistoryBuilder.Day0, graceDays: 30, horizonDays: 90,
            _ => new Dictionary<string, double> { ["M1"] = 0.1, ["M3"] = 0.5 });

        var row = Assert.Single(rows);
        Assert.Equal(new DateOnly(2024, 5, 27), row.ForecastDate); // the Monday on or before 2024-06-01
        // At the forecast date only M1 is month-to-month (M2 left in March, M3 joins in July); it stays.
        Assert.Equal((1, 100m, 100m), (row.Accounts, row.MrrAtForecast, row.ActualMrrKept));
        // The forecast as made then: its fifth month (May to September) is the one tested.
        var expected = MonthToMonthForecaster.Forecast([new MonthToMonthExposure("M1", 100m, 0.1)], row.ForecastDate, 5, 90,
            MonthToMonthChurnRate.Trailing(History(), row.ForecastDate, 30))[^1];
        Assert.Equal((expected.ExpectedMrrKept, expected.P10MrrKept, expected.P90MrrKept, expected.TrailingRateMrrKept),
            (row.ExpectedMrrKept, row.P10MrrKept, row.P90MrrKept, row.TrailingRateMrrKept));
    }

    [Fact]
    public void Backtest_AccountThatLeftBeforeTheMonthsEnd_IsNotKept()
    {
        var september = new DateOnly(2024, 9, 1);

        // Forecast a month ahead, as of 2024-07-29: M1 and M3 are month-to-month; M3 leaves on 2024-08-15.
        var row = Assert.Single(MonthToMonthBacktest.Run(History(), september, september, [1], HistoryBuilder.Day0, graceDays: 30, horizonDays: 90,
            _ => new Dictionary<string, double> { ["M1"] = 0.1, ["M3"] = 0.5 }));

        Assert.Equal((2, 140m, 100m), (row.Accounts, row.MrrAtForecast, row.ActualMrrKept));
    }
}
