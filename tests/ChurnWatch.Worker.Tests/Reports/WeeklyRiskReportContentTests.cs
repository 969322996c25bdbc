using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Reports;

/// <summary>The weekly report's sections an account manager reads, each checked against numbers computed from the fixture.</summary>
public sealed class WeeklyRiskReportContentTests
{
    private static WeeklyRiskReport WithSignals()
    {
        var rows = ReportFixtures.Report().Accounts.ToList();
        rows[0] = rows[0] with
        {
            Signals =
            [
                new OpenSignal(SignalKind.GoneDark, SignalSeverity.Critical, "No activity for 21 days", IsNew: true),
                new OpenSignal(SignalKind.Declining, SignalSeverity.Warning, "Active users down 60%"),
            ],
        };
        rows[1] = rows[1] with { Signals = [new OpenSignal(SignalKind.Declining, SignalSeverity.Warning, "Active users down 45%", IsNew: true)] };
        return ReportFixtures.Report(rows: rows) with { HeldBackSignals = 4 };
    }

    [Fact]
    public void Render_Header_ShowsModelAndBacktestAuc()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        Assert.Contains("Model: churn-lr v1<br>Backtest AUC <strong id=\"header-auc\">0.784</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Signals_CountsNewByKindAndShowsHeldBack()
    {
        var report = WithSignals();

        var html = WeeklyRiskReportHtml.Render(report);

        var signals = report.Accounts.SelectMany(a => a.Signals).ToList();
        Assert.Contains("<dt>Open signals</dt><dd>" + signals.Count + "</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>New this week</dt><dd>" + signals.Count(s => s.IsNew) + "</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Held back</dt><dd>4 ", html, StringComparison.Ordinal);
        // Gone dark: 1 new of 1 open; declining: 1 new of 3 open (the fixture's third row keeps its declining signal).
        Assert.Contains("<tr><td>Gone dark</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Declining usage</td><td class=\"num\">1</td><td class=\"num\">3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Strong growth</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sig new\">new</span>No activity for 21 days", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalCountFromRows_Rows_SplitsNewFromCarried()
    {
        var counts = WithSignals().SignalCounts.ToDictionary(c => c.Kind);

        Assert.Equal((3, 1, 2), (counts[SignalKind.Declining].Count, counts[SignalKind.Declining].New, counts[SignalKind.Declining].Carried));
        Assert.Equal((1, 1, 0), (counts[SignalKind.GoneDark].Count, counts[SignalKind.GoneDark].New, counts[SignalKind.GoneDark].Carried));
    }

    [Fact]
    public void Render_NoHeldBackGiven_ShowsZero()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        Assert.Contains("<dt>Held back</dt><dd>0 ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalMonthsChart_Fixture_PutsArrAtRiskInTheRenewalMonthByBand()
    {
        var rows = ReportFixtures.Report().Accounts;

        var data = RenewalMonths.Chart(rows, ReportFixtures.AsOf, "USD");

        // Twelve months from November 2026, then month-to-month (Contoso); no renewal after October 2027.
        Assert.Equal(13, data.Categories.Count);
        Assert.Equal("Nov 2026", data.Categories[0]);
        Assert.Equal("Dec", data.Categories[1]);
        Assert.Equal("Jan 2027", data.Categories[2]);
        Assert.Equal("Oct", data.Categories[11]);
        Assert.Equal(RenewalMonths.NoDate, data.Categories[12]);
        Assert.Equal(["High risk", "Medium risk", "Low risk"], data.Series.Select(s => s.Name));
        var expected = new double[3, 13];
        expected[0, 1] = 120_000 * 0.62;  // Northwind, high, renews 2026-12-31
        expected[2, 2] = 300_000 * 0.05;  // Fabrikam, low, renews 2027-01-20
        expected[1, 12] = 48_000 * 0.25;  // Contoso, medium, month-to-month
        for (var s = 0; s < 3; s++)
        {
            for (var c = 0; c < 13; c++)
            {
                Assert.Equal(expected[s, c], data.Series[s].Values[c], 6);
            }
        }
    }

    [Fact]
    public void RenewalMonthsChart_RenewalAfterTheYear_GoesToLater()
    {
        var row = ReportFixtures.Row("A-1", "x", 100m, 0.5, RiskBand.High, renewal: new DateOnly(2028, 2, 1));

        var data = RenewalMonths.Chart([row], ReportFixtures.AsOf, "USD");

        Assert.Equal(RenewalMonths.Later, data.Categories[^1]);
        Assert.Equal(50, data.Series[0].Values[^1], 6);
    }

    [Fact]
    public void Render_NegativeArr_StillRendersWithNothingAtRiskInTheCharts()
    {
        var rows = ReportFixtures.Report().Accounts.Append(ReportFixtures.Row("A-9", "Credit note", -5_000m, 0.5, RiskBand.High, renewal: new DateOnly(2026, 12, 5))).ToList();
        var report = ReportFixtures.Report(rows: rows);

        var data = RenewalMonths.Chart(rows, ReportFixtures.AsOf, "USD");
        var html = WeeklyRiskReportHtml.Render(report) + ReportIndexHtml.Render(ReportFixtures.AsOf, [report]);

        // December holds Northwind's 74,400 and the credit's -2,500 counted as 0.
        Assert.Equal(120_000 * 0.62, data.Series[0].Values[1], 6);
        Assert.Contains("-5,000", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalMonthsChart_AtReportSize_LabelsEveryCategory()
    {
        var rows = ReportFixtures.Report().Accounts.Append(ReportFixtures.Row("A-9", "x", 100m, 0.5, RiskBand.High, renewal: new DateOnly(2028, 2, 1))).ToList();
        var data = RenewalMonths.Chart(rows, ReportFixtures.AsOf, "USD");

        var svg = ChurnWatch.Worker.Reports.Charts.BarChart.Draw(data, new ChurnWatch.Worker.Reports.Charts.ChartSize(640, 300)).ToSvg();

        // Fourteen categories; a long one wraps onto two lines ("No date" as "No" and "date"), none is thinned out.
        var texts = System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value.Trim()).ToList();
        Assert.Equal(14, data.Categories.Count);

        Assert.All(data.Categories, c => Assert.Contains(c.Split(' ')[0], texts));
    }

    [Fact]
    public void Render_NothingMoved_StillShowsBothListsEmpty()
    {
        var rows = ReportFixtures.Report().Accounts.Select(r => r with { ChurnProbabilityChange = 0 }).ToList();

        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(rows: rows));

        Assert.Contains("<h2>Changes since last week</h2>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<p class=\"empty\">None.</p>").Length - 1);
    }

    [Fact]
    public void Render_AccountThatMoved_SaysWhatMovedIt()
    {
        var worse = ReportFixtures.Row("A-9", "Tickets & Co", 30_000m, 0.4, RiskBand.Medium, change: 0.12) with
        {
            Changes = ["3 urgent tickets open (a week earlier: 0)", "Usage events fell 40% (last 28 days vs the 56 before) (a week earlier: usage events fell 5%)"],
        };

        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(rows: [worse]));

        // In the "Got worse" list, under the account, each driver in order (encoded: the & of the name too).
        Assert.Contains("Tickets &amp; Co<ul class=\"changes\"><li>3 urgent tickets open (a week earlier: 0)</li><li>Usage events fell 40% (last 28 days vs the 56 before) (a week earlier: usage events fell 5%)</li></ul>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Trust_ShowsCalibrationPlotAndGainsWithTheMeasuredLift()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        Assert.Contains("<title>Predicted vs observed churn</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Churners found, riskiest accounts first</title>", html, StringComparison.Ordinal);
        // The fixture's backtest has a top-decile lift of 3.4: the top 10% hold 34% of churners.
        Assert.Contains("top 10%: 34% of churners (3.4\u00d7 random)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_Report_WritesTheTableAsCsvBesideThePageAndLinksIt()
    {
        using var folder = new TempFolder();
        var report = ReportFixtures.Report();

        WeeklyRiskReportPublisher.Publish(folder.Path, ReportFixtures.AsOf, [report]);

        var csvName = ReportFileName.CsvForOwner(report.OwnerEmail);
        var page = File.ReadAllText(folder.File(ReportFileName.ForOwner(report.OwnerEmail)));
        var index = File.ReadAllText(folder.File(ReportFileName.Index));
        var (header, rows) = CsvTestReader.Read(File.ReadAllText(folder.File(csvName)));
        Assert.Contains("href=\"" + csvName + "\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"" + csvName + "\"", index, StringComparison.Ordinal);
        Assert.Equal(AccountRiskCsv.Columns, header);
        Assert.Equal(AccountRiskRow.Rank(report.Accounts).Select(r => r.AccountId), rows.Select(r => r[header.ToList().IndexOf("account_id")]));
    }

    [Fact]
    public void RenderIndex_Managers_ShowsEachOnesLargestRiskAndAChart()
    {
        var html = ReportIndexHtml.Render(ReportFixtures.AsOf, [ReportFixtures.Report(), ReportFixtures.Report("bob@example.com")]);

        // Northwind: 120,000 x 62% = 74,400, the largest ARR at risk of each fixture report.
        Assert.Equal(2, html.Split("<span class=\"acct\">Northwind Traders</span> <span class=\"small\">74,400 at risk, 62% churn</span>").Length - 1);
        Assert.Contains("<title>ARR at risk by account manager</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LowRiskAccount_ShowsWhatKeepsItSafeAndEveryAccountsContext()
    {
        var safe = ReportFixtures.Row("A-7", "Safe Co", 50_000m, 0.04, RiskBand.Low) with
        {
            TopReasons = ["All 3 key features adopted"],
            ReasonsProtect = true,
            Context = "Annual contract, Business plan, customer for 14 months",
        };
        var risky = ReportFixtures.Row("A-8", "Risky Co", 50_000m, 0.6, RiskBand.High) with
        {
            Context = "Month-to-month, Team plan, customer for 5 months",
            NextStep = "Escalate their open tickets with the support lead",
        };
        var unexplained = ReportFixtures.Row("A-9", "Quiet Co", 50_000m, 0.3, RiskBand.Medium) with { TopReasons = [] };

        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(rows: [safe, risky, unexplained]));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Keeps it safe:"));
        Assert.Contains("<ul class=\"reasons protective\"><li>All 3 key features adopted</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"small context\">Annual contract, Business plan, customer for 14 months</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"small context\">Month-to-month, Team plan, customer for 5 months</span>", html, StringComparison.Ordinal);
        // The next step is shown where there is one, and only there.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Next step: "));
        Assert.Contains("<span class=\"next-step\">Next step: Escalate their open tickets with the support lead</span>", html, StringComparison.Ordinal);
        // At risk with no behavioural reason: said so, pointing at its context, rather than a blank.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(Display.NoBehaviouralReason)));
    }
}
