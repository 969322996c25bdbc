using System.Text.RegularExpressions;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class WeeklyRiskReportHtmlTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string HostileOwner = "\"&<>@example.com";

    private static WeeklyRiskReport HostileReport()
    {
        var row = ReportFixtures.Row("<b>id</b>", Script, 90_000m, 0.4, RiskBand.Medium, owner: HostileOwner) with
        {
            Segment = "<i>seg</i>",
            Plan = "\"plan'",
            TopReasons = ["<img src=x onerror=alert(2)>", "a & b"],
            Signals = [new OpenSignal(SignalKind.GoneDark, SignalSeverity.Critical, "<svg onload=alert(3)>")],
        };
        return ReportFixtures.Report(HostileOwner, rows: [row]);
    }

    [Fact]
    public void Render_HostileValues_AreEncodedEverywhere()
    {
        var html = WeeklyRiskReportHtml.Render(HostileReport());

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>id</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>seg</i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileOwner, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&amp;&lt;&gt;@example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Report_HasNoExternalReferencesOrScripts()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        // The only url() references are to patterns inside the page.
        Assert.All(Regex.Matches(html, @"url\(([^)]*)\)").Select(m => m.Groups[1].Value), target => Assert.StartsWith("#", target, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_StaleSource_ShowsWarningNamingIt()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(staleBilling: true));

        Assert.Contains("id=\"stale-warning\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>billing</strong>: newest data 2026-11-13 06:30 UTC, 3 days old (allowed: 36 hours)", html, StringComparison.Ordinal);
        Assert.Contains("STALE", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FreshSources_ShowsNoWarning()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(staleBilling: false));

        Assert.DoesNotContain("stale-warning", html, StringComparison.Ordinal);
        Assert.DoesNotContain("STALE", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Report_RanksRowsByArrAtRisk()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());
        var table = html[html.IndexOf("<table class=\"accounts\">", StringComparison.Ordinal)..];

        // Northwind 120k x 62% = 74.4k; Fabrikam 300k x 5% = 15k; Contoso 48k x 25% = 12k.
        var northwind = table.IndexOf("Northwind Traders", StringComparison.Ordinal);
        var fabrikam = table.IndexOf("Fabrikam", StringComparison.Ordinal);
        var contoso = table.IndexOf("Contoso Ltd", StringComparison.Ordinal);
        Assert.True(northwind < fabrikam && fabrikam < contoso);
    }

    [Fact]
    public void Render_Report_ShowsKpisBacktestAndConventions()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        Assert.Contains("USD 468,000", html, StringComparison.Ordinal);          // ARR
        Assert.Contains("101.4k", html, StringComparison.Ordinal);               // 74,400 + 12,000 + 15,000
        Assert.Contains("<dt>AUC</dt><dd>0.784", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Log loss</dt><dd>0.241", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Brier score</dt><dd>0.066", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Top-decile lift</dt><dd>3.40\u00d7", html, StringComparison.Ordinal);
        Assert.Contains("2024-01-01 to 2025-12-31", html, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 to 2026-06-30", html, StringComparison.Ordinal);
        Assert.Contains("no new subscription starts within 30 days", html, StringComparison.Ordinal);
        Assert.Contains("within 90 days after 2026-11-16", html, StringComparison.Ordinal);
        Assert.Contains("ARR = 12 \u00d7 MRR", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        // The renderer writes "+" as "&#x2B;" (System.Text.Encodings.Web encodes it everywhere); a browser shows "+".
        Assert.Contains("\u25b2 +18 pts", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("\u25bc \u22124 pts", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameReportTwice_IsIdentical()
    {
        Assert.Equal(WeeklyRiskReportHtml.Render(ReportFixtures.Report()), WeeklyRiskReportHtml.Render(ReportFixtures.Report()));
    }

    [Fact]
    public void Render_Report_InlinesEverySvgWithATitle()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report());

        var svgs = Regex.Count(html, "<svg ");
        var titled = Regex.Count(html, "<svg [^>]*><title>");
        // three sparklines; histogram, ARR at risk by renewal month, signals by kind, calibration plot, gains chart
        Assert.Equal(3 + 5, svgs);
        Assert.Equal(svgs, titled);
    }

    [Fact]
    public void Render_NoAccounts_SaysSoInsteadOfAnEmptyTable()
    {
        var html = WeeklyRiskReportHtml.Render(ReportFixtures.Report(rows: []));

        Assert.Contains("No accounts are assigned to this owner.", html, StringComparison.Ordinal);
        Assert.Contains("No open signals on your accounts this week.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderIndex_Managers_LinksEachPageWithTotalsAndEncodesOwners()
    {
        var reports = new[] { ReportFixtures.Report(), HostileReport() };

        var html = ReportIndexHtml.Render(ReportFixtures.AsOf, reports);

        Assert.Contains("href=\"" + ReportFileName.ForOwner("jane.doe@example.com") + "\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"" + ReportFileName.ForOwner(HostileOwner) + "\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileOwner, html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">468,000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">101,400</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RenderIndex_AnyStaleSource_WarnsOnceNamingIt()
    {
        var stale = ReportIndexHtml.Render(ReportFixtures.AsOf, [ReportFixtures.Report(staleBilling: true), ReportFixtures.Report("bob@example.com", staleBilling: true)]);
        var fresh = ReportIndexHtml.Render(ReportFixtures.AsOf, [ReportFixtures.Report()]);

        Assert.Contains("had not delivered new data in time: billing.", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-warning", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_TwoManagers_WritesPagesThenIndexAndNoTempFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cw-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = WeeklyRiskReportPublisher.Publish(folder, ReportFixtures.AsOf, [ReportFixtures.Report(), ReportFixtures.Report("bob@example.com")]);

            // each page followed by its table as CSV and its email's summary, the index last
            Assert.Equal(7, written.Count);
            Assert.Equal([".html", ".csv", ".mime", ".html", ".csv", ".mime"], written.Take(6).Select(Path.GetExtension));
            Assert.EndsWith(".email.mime", written[2], StringComparison.Ordinal);
            Assert.Equal("index.html", Path.GetFileName(written[^1]));
            Assert.Equal(
                written.Select(Path.GetFileName).Order(StringComparer.Ordinal),
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(WeeklyRiskReportHtml.Render(ReportFixtures.Report()), File.ReadAllText(written[0]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
