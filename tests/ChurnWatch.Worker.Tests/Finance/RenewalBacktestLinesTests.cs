using System.Globalization;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Tests.Finance;

namespace ChurnWatch.Worker.Tests.Finance;

public sealed class RenewalBacktestLinesTests
{
    [Fact]
    public void Of_Backtest_OneLinePerLeadAndMethodThenTheTrailingRateAndProbabilityNotes()
    {
        var lines = RenewalBacktestLines.Of(FinanceFixtures.Forecast());

        // June 2026, 31,000 renewed (3 months ahead) and 20,000 (6 months ahead), against the model's 36,000 and 35,000,
        // the trailing rate's 34,000 and 40,000 (everything renews: nothing had settled), and the 40,000 due.
        // Neither lead had settled months before to size a range from: the trailing rate alone, without one.
        Assert.Equal(
            [
                "Renewals 2026-11 to 2026-12: the trailing rate, without a range: fewer than 4 forecasts made 3 months ahead had settled, too few to show the model adds anything or to size a range.",
                Line(3, "forecast given", 3_000.0 / 31_000, " (the model and the trailing rate combined in 0 of them, the trailing rate alone in the rest), no month with a range"),
                Line(3, "model", 5_000.0 / 31_000, ", actual inside P10-P90 in 100% of months (its range of independent renewals)"),
                Line(3, "trailing rate", 3_000.0 / 31_000, string.Empty),
                Line(3, "everything renews", 9_000.0 / 31_000, string.Empty),
                Line(6, "forecast given", 20_000.0 / 20_000, " (the model and the trailing rate combined in 0 of them, the trailing rate alone in the rest), no month with a range"),
                Line(6, "model", 15_000.0 / 20_000, ", actual inside P10-P90 in 0% of months (its range of independent renewals)"),
                Line(6, "trailing rate", 20_000.0 / 20_000, string.Empty),
                Line(6, "everything renews", 20_000.0 / 20_000, string.Empty),
                "Backtest trailing rate: no renewal had settled in the 12 months before 1 of the 2 forecast dates with renewals due, so there it is 'everything renews'.",
                "Backtest probabilities at 1 of 1 forecast dates come from today's model applied to past dates: in-sample for the model, so the backtest flatters the forecast there.",
            ],
            lines);
    }

    [Fact]
    public void Of_NoBacktest_OnlySaysTheRangeIsOfIndependentRenewals()
    {
        var forecast = FinanceFixtures.Forecast() with
        {
            Backtest = [], Summary = [], ProbabilitySources = new Dictionary<DateOnly, string>(), RenewalCalibration = null,
        };

        Assert.Equal(
            ["Renewals: the model's forecast with the P10-P90 of independent renewals, too narrow because they move together; a backtest (--backtest-months, Schedule:ForecastBacktestMonths) combines the model with the trailing rate and sizes the range from past errors."],
            RenewalBacktestLines.Of(forecast));
    }

    [Fact]
    public void Given_WithCombinedMonths_SaysTheirFiguresBesideTheTrailingRatesThere()
    {
        // Two early months with the trailing rate alone, 20% high; two combined months 5% low and 5% high (ranges
        // holding both), where the trailing rate was 10% high.
        CalibratedForecast Alone(decimal amount) => new(ForecastMethod.TrailingRate, amount, null, null, null, RangeBasis.None, 2);
        CalibratedForecast Combined(decimal amount) => new(ForecastMethod.Combined, amount, amount * 0.9m, amount, amount * 1.1m, RangeBasis.PastErrors, 6);
        var given = CalibratedAccuracy.Of([(Alone(120m), 120m, 100m), (Alone(240m), 240m, 200m), (Combined(95m), 110m, 100m), (Combined(210m), 220m, 200m)]);

        var bias = (305.0 - 300) / 300;
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $" (the model and the trailing rate combined in 2 of them, the trailing rate alone in the rest; in those 2: mean absolute error 5.0% (trailing rate 10.0%), bias {bias:+0.0%}), actual inside P10-P90 in 100% of the 2 months with a range"),
            CalibrationLines.Given(given));
    }

    // One month per lead: the mean absolute error and the bias are the same figure.
    private static string Line(int lead, string method, double error, string range) => string.Create(CultureInfo.InvariantCulture,
        $"Backtest, forecasts made {lead} months ahead over 1 past months, {method}: mean absolute error {error:0.0%}, bias {error:+0.0%;-0.0%}{range}.");
}
