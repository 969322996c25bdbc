using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class TrailingRenewalRateTests
{
    private static readonly DateOnly ForecastDate = PastRenewalsExample.ForecastDate;

    [Fact]
    public void At_ForecastDate_CountsOnlyRenewalsSettledInTheTwelveMonthsBeforeIt()
    {
        var rate = TrailingRenewalRate.At(PastRenewalsExample.History(), ForecastDate, PastRenewalsExample.GraceDays);

        // In the window: Kept (renewed, its ARR before the renewal), Lost, Overwritten's 2024-11-20 renewal. Early and
        // Overwritten's 2023-11-20 settled before 2024-03-03; Late settles on 2025-03-17, after the date.
        decimal due = (12 * 100) + (12 * 50) + (12 * 200), renewed = (12 * 100) + (12 * 200);
        Assert.Equal(new RenewalOutcomes(3, due, renewed), rate.Company);
        Assert.Equal(new RenewalOutcomes(3, due, renewed), rate.Segments["SMB"]);
        // Three renewals are fewer than a segment needs for its own rate: SMB gets the company's.
        Assert.Equal((renewed / due, TrailingRateBasis.Company), rate.For("SMB"));
    }

    [Fact]
    public void At_HistoryAsKnownAtTheDate_GivesTheSameRateAsTheFullHistory()
    {
        var history = PastRenewalsExample.History();
        var known = HistoryCut.At(history, ForecastDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var now = TrailingRenewalRate.At(history, ForecastDate, PastRenewalsExample.GraceDays);
        var then = TrailingRenewalRate.At(known, ForecastDate, PastRenewalsExample.GraceDays);

        Assert.Equal(then.Company, now.Company);
        Assert.Equal(then.Segments, now.Segments);
    }

    [Theory]
    [InlineData(TrailingRenewalRate.MinimumSegmentRenewals, TrailingRateBasis.Segment, TrailingRateBasis.SegmentAndCompany)]
    [InlineData(TrailingRenewalRate.MinimumSegmentRenewals - 1, TrailingRateBasis.Company, TrailingRateBasis.Company)]
    public void For_Segment_ItsOwnRateFromTheMinimumOfSettledRenewals_OtherwiseTheCompanys(int enterpriseRenewals, TrailingRateBasis enterpriseBasis, TrailingRateBasis mixedBasis)
    {
        // Enterprise contracts renewing on 2024-07-01, every fourth lost, beside the example's SMB accounts.
        var builder = new HistoryBuilder();
        decimal enterpriseDue = 0, enterpriseRenewed = 0;
        var renewal = new DateOnly(2024, 7, 1);
        for (var i = 0; i < enterpriseRenewals; i++)
        {
            var id = $"E{i}";
            builder.Account(id, segment: "Enterprise")
                .Subscription(id, PastRenewalsExample.Day(2023, 7, 1), PastRenewalsExample.Day(2024, 7, 1), mrr: 100 + i, renewal: renewal, periodMonths: 12);
            enterpriseDue += 12 * (100 + i);
            if (i % 4 != 0)
            {
                builder.Subscription(id, PastRenewalsExample.Day(2024, 7, 1), null, mrr: 100 + i, renewal: renewal.AddYears(1), periodMonths: 12);
                enterpriseRenewed += 12 * (100 + i);
            }
        }

        var rate = TrailingRenewalRate.At(PastRenewalsExample.Build(builder), ForecastDate, PastRenewalsExample.GraceDays);

        var company = (enterpriseRenewed + (12 * 100) + (12 * 200)) / (enterpriseDue + (12 * 100) + (12 * 50) + (12 * 200));
        var enterprise = enterpriseBasis == TrailingRateBasis.Segment ? enterpriseRenewed / enterpriseDue : company;
        Assert.Equal((enterprise, enterpriseBasis), rate.For("Enterprise"));
        Assert.Equal((company, TrailingRateBasis.Company), rate.For("SMB"));
        Assert.Equal((company, TrailingRateBasis.Company), rate.For(null));
        RenewalExposure[] due = [new("X", new DateOnly(2025, 4, 2), 1_000m, 0.9, "Enterprise"), new("Y", new DateOnly(2025, 4, 9), 500m, 0.9, "SMB")];
        Assert.Equal(decimal.Round((1_000m * enterprise) + (500m * company), 2, MidpointRounding.AwayFromZero), rate.RenewedArr(due));
        Assert.Equal(mixedBasis, rate.BasisOf(due));
        Assert.Equal(TrailingRateBasis.Company, rate.BasisOf([]));
    }

    [Fact]
    public void At_NothingSettledYet_EverythingRenews()
    {
        // On 2023-12-04 no renewal of the example had settled: Overwritten's first settles on 2023-12-20.
        var rate = TrailingRenewalRate.At(PastRenewalsExample.History(), new DateOnly(2023, 12, 4), PastRenewalsExample.GraceDays);
        RenewalExposure[] due = [new("X", new DateOnly(2024, 1, 2), 1_000m, 0.5, "SMB"), new("Y", new DateOnly(2024, 1, 9), 250.55m, 0.5, "Enterprise")];

        Assert.Equal(new RenewalOutcomes(0, 0m, 0m), rate.Company);
        Assert.Equal((1m, TrailingRateBasis.EverythingRenews), rate.For("SMB"));
        Assert.Equal(1_250.55m, rate.RenewedArr(due));
        Assert.Equal(TrailingRateBasis.EverythingRenews, rate.BasisOf(due));
        Assert.Equal(TrailingRateBasis.EverythingRenews, rate.BasisOf([]));
    }
}
