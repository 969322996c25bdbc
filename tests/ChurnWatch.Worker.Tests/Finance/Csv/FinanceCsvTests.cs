using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Tests.Finance;

namespace ChurnWatch.Worker.Tests.Finance.Csv;

public sealed class FinanceCsvTests
{
    [Fact]
    public void MrrBridgeCsv_Write_InvariantNumbersNegativeRatesStayNumbersAndConventionsOnEveryRow()
    {
        var writer = new StringWriter();

        var count = MrrBridgeCsv.Write(FinanceFixtures.Metrics(), writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, count);
        Assert.Equal(string.Join(",", MrrBridgeCsv.Columns), lines[0]);
        Assert.EndsWith(",grace_days,delinquent,delinquent_after_days,same_month_signup_and_cancel", lines[0], StringComparison.Ordinal);
        // Net MRR churn of September: (200 + 30 - 50 - 70) / 480 = 0.2292; October expanded only: -60 / 450 = -0.1333.
        Assert.Equal("2026-09-01,480.00,80.00,50.00,30.00,200.00,70.00,450.00,4,1,1,1,5,1,0.2500,0.4792,0.2292,0.5208,0.6250,30,CountAsActive,60,Exclude", lines[1]);
        Assert.Contains(",-0.1333,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void CohortRetentionCsv_Write_OneRowPerCell()
    {
        var writer = new StringWriter();

        CohortRetentionCsv.Write(FinanceFixtures.Metrics(), writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2026-09-01,1,2026-10-01,2,120.00,1,0.5000,90.00,0.7500,30,CountAsActive,60,Exclude", lines[2]);
    }

    [Fact]
    public void FeatureUsageSummaryCsv_Write_FormulaLikeGroupAndFeatureAreGuarded()
    {
        var row = new FeatureUsagePeriod(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11), UsageGrain.Week, UsageGrouping.Plan, "=HYPERLINK(\"x\")", "@export",
            4, 1, 2, 7, 1, 3, null, 0.3333333, true);
        var writer = new StringWriter();

        FeatureUsageSummaryCsv.Write([row], writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", FeatureUsageSummaryCsv.Columns), lines[0]);
        Assert.Equal("2026-01-05,2026-01-11,week,plan,\"'=HYPERLINK(\"\"x\"\")\",'@export,4,1,0.2500,2.00,7,3.50,,0.3333,1,3,true", lines[1]);
    }

    [Fact]
    public void RenewalForecastCsv_Write_SegmentIsGuardedAndTheMedianAndBaselinesFollowIt()
    {
        var writer = new StringWriter();
        var row = new RenewalForecastMonth(new DateOnly(2026, 11, 1), 2, 100m, 90m, 10m, 80m, 100m, "+SMB")
        {
            P50RenewedArr = 90m,
            TrailingRateRenewedArr = 85.5m,
            TrailingRateBasis = TrailingRateBasis.SegmentAndCompany,
        };

        var calibrated = row with { Calibrated = new CalibratedForecast(ForecastMethod.TrailingRate, 85.5m, 70m, 85.5m, 99m, RangeBasis.PastErrors, 12) };

        RenewalForecastCsv.Write([row, calibrated], writer);

        // The schema's first columns end with the segment; the median and the baselines were added after it, then the
        // forecast given: without a backtest the model's with its range of independent renewals, else as calibrated.
        var lines = writer.ToString().Split("\r\n");
        Assert.Equal("2026-11-01,2,100.00,90.00,10.00,80.00,100.00,'+SMB,90.00,100.00,85.50,segment_and_company,model,90.00,80.00,90.00,100.00,independent_outcomes,0", lines[1]);
        Assert.EndsWith(",segment_and_company,trailing_rate,85.50,70.00,85.50,99.00,past_errors,12", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalBacktestCsv_Write_ErrorIsSignedAndTheSourceIsNamed()
    {
        var writer = new StringWriter();
        var forecast = FinanceFixtures.Forecast();

        RenewalBacktestCsv.Write(forecast.Backtest, forecast.ProbabilitySource, writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2026-06-01,3,2026-03-02,4,40000.00,36000.00,30000.00,40000.00,3,31000.00,5000.00,0.1613,true,current_model_in_sample,36000.00,40000.00,34000.00,company,trailing_rate,34000.00,,,,none,0,", lines[1]);
        Assert.Equal("2026-06-01,6,2025-12-01,4,40000.00,35000.00,30000.00,40000.00,2,20000.00,15000.00,0.7500,false,current_model_in_sample,35000.00,40000.00,40000.00,everything_renews,trailing_rate,40000.00,,,,none,0,", lines[2]);
    }
}
