using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Finance;

public sealed class FinancePagesTests
{
    [Fact]
    public void RenewalForecastHtml_HostileSegmentAndSource_AreEncodedText()
    {
        var html = RenewalForecastHtml.Render(FinanceFixtures.Forecast());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_SelfContained_WithChartsBacktestAndInSampleWarning()
    {
        // The lead-6 month as if months had settled before it: the combined forecast given, with a range from past errors.
        var fixture = FinanceFixtures.Forecast();
        var sized = fixture.Backtest[1] with { Calibrated = new CalibratedForecast(ForecastMethod.Combined, 35_000m, 30_000m, 35_000m, 40_000m, RangeBasis.PastErrors, 6) };
        List<RenewalBacktestMonth> backtest = [fixture.Backtest[0], sized];
        var html = RenewalForecastHtml.Render(fixture with { Backtest = backtest, Summary = RenewalForecastBacktest.Summarise(backtest) });

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(html, "<svg")); // forecast band, renewed/churned bars, one backtest chart per lead
        Assert.Contains("<strong>In-sample</strong> at 1 of 1 forecast dates", html, StringComparison.Ordinal);
        // The lead-6 forecast given, 35,000 combined (trailing rate 40,000), and 20,000 renewed: outside its 30,000-40,000 range.
        Assert.Contains("<td class=\"num\">35,000</td><td>combined</td><td class=\"num\">30,000</td><td class=\"num\">40,000</td><td class=\"num\">35,000</td><td class=\"num\">40,000</td><td class=\"num\">2</td><td class=\"num\">20,000</td><td><strong>no</strong></td>", html, StringComparison.Ordinal);
        // The lead-3 month had nothing settled before it: the trailing rate's 34,000, without a range.
        Assert.Contains("<td class=\"num\">34,000</td><td>trailing rate (no range)</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">36,000</td><td class=\"num\">34,000</td><td class=\"num\">3</td><td class=\"num\">31,000</td><td>no range</td>", html, StringComparison.Ordinal);
        // Its one combined month measured apart, the trailing rate's error there beside it: 15,000 and 20,000 off 20,000.
        Assert.Contains(
            $"<tr><td>6 months</td><td>forecast given, its combined months (trailing rate there: {FinanceDisplay.Percent(20_000.0 / 20_000)})</td><td class=\"num\">1</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">{FinanceDisplay.Percent(15_000.0 / 20_000)}</td><td class=\"num\">{FinanceDisplay.Percent(15_000.0 / 20_000)}</td><td class=\"num\">{FinanceDisplay.Percent(0)}</td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<tr><td>3 months</td><td>forecast given, its combined months", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_MedianAndBaselines_BesideTheModelInTheTablesAndTheBacktest()
    {
        var fixture = FinanceFixtures.Forecast();
        var html = RenewalForecastHtml.Render(fixture);

        // November: too little settled history, so the forecast given is the trailing rate's 25,500 without a range,
        // beside the model's expected 27,000 and churned 3,000, and the trailing-rate baseline.
        Assert.Contains("<td class=\"num\">30,000</td><td class=\"num\">25,500</td><td>trailing rate (no range)</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">\u2013</td><td class=\"num\">27,000</td><td class=\"num\">3,000</td><td class=\"num\">25,500</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("Renewals 2026-11 to 2026-12: the trailing rate, without a range", html, StringComparison.Ordinal);
        // The same month as a backtest with enough settled months would give it: combined, P10 24,000, P50 27,000, P90 30,000.
        var sized = fixture.Total[0] with { Calibrated = new CalibratedForecast(ForecastMethod.Combined, 27_000m, 24_000m, 27_000m, 30_000m, RangeBasis.PastErrors, 8) };
        Assert.Contains(
            "<td class=\"num\">30,000</td><td class=\"num\">27,000</td><td>combined</td><td class=\"num\">24,000</td><td class=\"num\">27,000</td><td class=\"num\">30,000</td><td class=\"num\">27,000</td><td class=\"num\">3,000</td><td class=\"num\">25,500</td></tr>",
            RenewalForecastHtml.Render(fixture with { Total = [sized, fixture.Total[1]] }),
            StringComparison.Ordinal);
        // The trailing rates behind it: the (encoded) segment's own, 170,000 of 200,000.
        Assert.Contains(
            $"<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">{TrailingRenewalRate.MinimumSegmentRenewals}</td><td class=\"num\">200,000</td><td class=\"num\">170,000</td><td class=\"num\">{FinanceDisplay.Percent(170_000.0 / 200_000)}</td><td>its own</td></tr>",
            html,
            StringComparison.Ordinal);
        // Each method's accuracy three months ahead (one month, 31,000 renewed): error and bias are the same figure.
        foreach (var (method, forecast, inside) in new[] { ("forecast given", 34_000m, "\u2013"), ("model", 36_000m, "100.0%"), ("trailing rate", 34_000m, "\u2013"), ("everything renews", 40_000m, "\u2013") })
        {
            var error = FinanceDisplay.Percent((double)((forecast - 31_000m) / 31_000m));
            Assert.Contains(
                $"<tr><td>3 months</td><td>{method}</td><td class=\"num\">1</td><td class=\"num\">40,000</td><td class=\"num\">{Display.Money(forecast)}</td><td class=\"num\">31,000</td><td class=\"num\">{error}</td><td class=\"num\">{error}</td><td class=\"num\">{inside}</td></tr>",
                html,
                StringComparison.Ordinal);
        }

        Assert.Contains("No renewal had settled in the year before 1 of the 2 forecast dates with renewals due", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_NothingSettled_SaysTheTrailingRateIsEverythingRenews()
    {
        var forecast = FinanceFixtures.Forecast();
        var none = new RenewalOutcomes(0, 0m, 0m);
        var html = RenewalForecastHtml.Render(forecast with { TrailingRate = new TrailingRenewalRate(forecast.ScoresAsOf, none, new Dictionary<string, RenewalOutcomes>()) });

        Assert.Contains("No renewal settled in the 12 months before 2026-11-16: the trailing-rate baseline is “everything renews”.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_MonthToMonthRevenue_MonthsAndBacktestBesideTheTrailingRate()
    {
        var asOf = FinanceFixtures.Forecast().ScoresAsOf;
        MonthToMonthExposure[] book = [new("M1", 1_000m, 0.1), new("M2", 500m, 0.3)];
        var months = MonthToMonthForecaster.Forecast(book, asOf, 3, 90, 0.02);
        var backtest = MonthToMonthBacktest.Calibrate([new(new DateOnly(2026, 6, 1), 3, new DateOnly(2026, 2, 23), 2, 1_500m, 1_400m, 1_300m, 1_500m, 1_450m, 1_500m)], graceDays: 30);
        var forecast = FinanceFixtures.Forecast() with
        {
            MonthToMonth = months,
            MonthToMonthChurnRate = 0.02,
            MonthToMonthBacktest = backtest,
            MonthToMonthSummary = MonthToMonthBacktest.Summarise(backtest),
        };

        var html = RenewalForecastHtml.Render(forecast);

        // Each month's row as the forecaster computed it (no calibration given: the model, its range of independent churns).
        foreach (var m in months)
        {
            Assert.Contains(
                $"<td class=\"num\">2</td><td class=\"num\">1,500</td><td class=\"num\">{Display.Money(m.ExpectedMrrKept)}</td><td>model (independent)</td><td class=\"num\">{Display.Money(m.P10MrrKept)}</td><td class=\"num\">{Display.Money(m.P50MrrKept)}</td><td class=\"num\">{Display.Money(m.P90MrrKept)}</td><td class=\"num\">{Display.Money(m.ExpectedMrrKept)}</td><td class=\"num\">{Display.Money(m.TrailingRateMrrKept)}</td></tr>",
                html, StringComparison.Ordinal);
        }

        // The backtest: the actual (1,500) at the model's P90, so inside; bias (1,400 - 1,500) / 1,500.
        Assert.Contains(
            $"<tr><td>3 months</td><td>model</td><td class=\"num\">1</td><td class=\"num\">1,400</td><td class=\"num\">1,500</td><td class=\"num\">{FinanceDisplay.Percent(100.0 / 1_500)}</td><td class=\"num\">{FinanceDisplay.Percent(-100.0 / 1_500)}</td><td class=\"num\">{FinanceDisplay.Percent(1.0)}</td></tr>",
            html, StringComparison.Ordinal);
        // The forecast given: nothing settled before the month, so the trailing rate's 1,450, no range.
        Assert.Contains(
            $"<tr><td>3 months</td><td>forecast given (combined in 0)</td><td class=\"num\">1</td><td class=\"num\">1,450</td><td class=\"num\">1,500</td><td class=\"num\">{FinanceDisplay.Percent(50.0 / 1_500)}</td><td class=\"num\">{FinanceDisplay.Percent(-50.0 / 1_500)}</td><td class=\"num\">\u2013 of 0</td></tr>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("No running account is without a renewal date", html, StringComparison.Ordinal);
        Assert.Contains("No running account is without a renewal date", RenewalForecastHtml.Render(FinanceFixtures.Forecast()), StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_Charts_AreWellFormedXml()
    {
        var html = RenewalForecastHtml.Render(FinanceFixtures.Forecast());

        foreach (var svg in Svgs(html))
        {
            var document = System.Xml.Linq.XDocument.Parse(svg);
            Assert.Equal("svg", document.Root!.Name.LocalName);
        }
    }

    [Fact]
    public void SaasMetricsHtml_PrintsTheConventionsAndTheBridge()
    {
        var options = new MetricsOptions { GraceDays = 14, Delinquent = DelinquentTreatment.CountAsChurned, DelinquentAfterDays = 45 };

        var html = SaasMetricsHtml.Render(FinanceFixtures.Metrics(options), [], "EUR", FinanceFixtures.GeneratedAt);

        Assert.Contains("Metrics:GraceDays = 14 days", html, StringComparison.Ordinal);
        Assert.Contains("Metrics:Delinquent = CountAsChurned", html, StringComparison.Ordinal);
        Assert.Contains("unpaid 45 days or more", html, StringComparison.Ordinal);
        // The renderer writes "+" (in "45+ days") as "&#x2B;" (System.Text.Encodings.Web encodes it everywhere); a browser shows "+".
        Assert.Contains(options.Describe(), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<td class=\"month\">2026-09</td><td class=\"num\">480</td><td class=\"num\">80</td><td class=\"num\">50</td><td class=\"num\">30</td><td class=\"num\">200</td><td class=\"num\">70</td><td class=\"num\">450</td>", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<svg"));
        foreach (var svg in Svgs(html))
            System.Xml.Linq.XDocument.Parse(svg);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static IEnumerable<string> Svgs(string html)
    {
        var at = 0;
        while ((at = html.IndexOf("<svg", at, StringComparison.Ordinal)) >= 0)
        {
            var end = html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            yield return html[at..end];
            at = end;
        }
    }
}
