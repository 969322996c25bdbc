using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Finance;

namespace ChurnWatch.Worker.Tests.Reports.Finance;

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
        var html = RenewalForecastHtml.Render(FinanceFixtures.Forecast());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(html, "<svg")); // forecast band, renewed/churned bars, one backtest chart per lead
        Assert.Contains("<strong>In-sample</strong> at 1 of 1 forecast dates", html, StringComparison.Ordinal);
        // The lead-6 forecast expected 35,000 (P50 35,000, trailing rate 40,000) and 20,000 renewed: outside its 30,000-40,000 range.
        Assert.Contains("<td class=\"num\">35,000</td><td class=\"num\">30,000</td><td class=\"num\">35,000</td><td class=\"num\">40,000</td><td class=\"num\">40,000</td><td class=\"num\">2</td><td class=\"num\">20,000</td><td class=\"num\">15,000</td><td><strong>no</strong></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalForecastHtml_MedianAndBaselines_BesideTheModelInTheTablesAndTheBacktest()
    {
        var html = RenewalForecastHtml.Render(FinanceFixtures.Forecast());

        // November: expected 27,000, P10 24,000, P50 27,500, P90 30,000, churned 3,000, trailing-rate baseline 25,500.
        Assert.Contains("<td class=\"num\">27,000</td><td class=\"num\">24,000</td><td class=\"num\">27,500</td><td class=\"num\">30,000</td><td class=\"num\">3,000</td><td class=\"num\">25,500</td></tr>", html, StringComparison.Ordinal);
        // The trailing rates behind it: the (encoded) segment's own, 170,000 of 200,000.
        Assert.Contains(
            $"<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">{TrailingRenewalRate.MinimumSegmentRenewals}</td><td class=\"num\">200,000</td><td class=\"num\">170,000</td><td class=\"num\">{FinanceDisplay.Percent(170_000.0 / 200_000)}</td><td>its own</td></tr>",
            html,
            StringComparison.Ordinal);
        // Each method's accuracy three months ahead (one month, 31,000 renewed): error and bias are the same figure.
        foreach (var (method, forecast, inside) in new[] { ("model", 36_000m, "100.0%"), ("trailing rate", 34_000m, "\u2013"), ("everything renews", 40_000m, "\u2013") })
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
        MonthToMonthBacktestMonth[] backtest = [new(new DateOnly(2026, 6, 1), 3, new DateOnly(2026, 2, 23), 2, 1_500m, 1_400m, 1_300m, 1_500m, 1_450m, 1_500m)];
        var forecast = FinanceFixtures.Forecast() with
        {
            MonthToMonth = months,
            MonthToMonthChurnRate = 0.02,
            MonthToMonthBacktest = backtest,
            MonthToMonthSummary = MonthToMonthBacktest.Summarise(backtest),
        };

        var html = RenewalForecastHtml.Render(forecast);

        // Each month's row as the forecaster computed it.
        foreach (var m in months)
        {
            Assert.Contains(
                $"<td class=\"num\">2</td><td class=\"num\">1,500</td><td class=\"num\">{Display.Money(m.ExpectedMrrKept)}</td><td class=\"num\">{Display.Money(m.P10MrrKept)}</td><td class=\"num\">{Display.Money(m.P50MrrKept)}</td><td class=\"num\">{Display.Money(m.P90MrrKept)}</td><td class=\"num\">{Display.Money(m.TrailingRateMrrKept)}</td></tr>",
                html, StringComparison.Ordinal);
        }

        // The backtest: the actual (1,500) at the model's P90, so inside; bias (1,400 - 1,500) / 1,500.
        Assert.Contains(
            $"<tr><td>3 months</td><td>model</td><td class=\"num\">1</td><td class=\"num\">1,400</td><td class=\"num\">1,500</td><td class=\"num\">{FinanceDisplay.Percent(100.0 / 1_500)}</td><td class=\"num\">{FinanceDisplay.Percent(-100.0 / 1_500)}</td><td class=\"num\">{FinanceDisplay.Percent(1.0)}</td></tr>",
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
