using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports.Safety;

/// <summary>
/// An account named <c>&lt;script&gt;alert(1)&lt;/script&gt;</c>, with hostile text in every other field, in every
/// HTML output: the markup must carry it only encoded. The browser tests check the same pages show it as text.
/// </summary>
public sealed class HtmlEncodingTests
{
    public const string Script = "<script>alert(1)</script>";
    public const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    /// <summary>A report whose riskiest account is the hostile one, so it also heads the index.</summary>
    internal static WeeklyRiskReport HostileReport(string owner = "jane.doe@example.com")
    {
        var hostile = ReportFixtures.Row("<b>A-666</b>", Script, 900_000m, 0.7, RiskBand.High, 0.3, new DateOnly(2026, 12, 1), owner) with
        {
            Segment = "<i>seg</i>",
            Plan = "\"><img src=x onerror=alert(2)>",
            TopReasons = [Script, "<img src=x onerror=alert(3)>", "a & b"],
            Signals = [new OpenSignal(SignalKind.GoneDark, SignalSeverity.Critical, "<svg onload=alert(4)>", IsNew: true)],
            Context = "<i>context</i>",
        };
        return ReportFixtures.Report(owner, rows: [hostile, ReportFixtures.Row("A-1", "Plain", 10_000m, 0.1, RiskBand.Low, owner: owner)]);
    }

    public static TheoryData<string> Pages() => new() { "report", "index", "email" };

    public static string RenderPage(string page) => page switch
    {
        "report" => WeeklyRiskReportHtml.Render(HostileReport()),
        "index" => ReportIndexHtml.Render(ReportFixtures.AsOf, [HostileReport(), HostileReport("<script>@example.com")]),
        "email" => ChurnWatch.Worker.Tests.Delivery.WeeklyEmailTests.Html(ChurnWatch.Worker.Pages.Email.WeeklySummaryPart.Create(HostileReport("<script>@example.com"))),
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, null),
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_ScriptAccountName_IsEncodedText(string page)
    {
        var html = RenderPage(page);

        Assert.Contains(EncodedScript, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // The email's own charts are <img src="cid:...">; the hostile plan must not add one.
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptAccountName_ChartTooltipsAndTitlesAreEscapedToo()
    {
        var html = RenderPage("report");

        // The sparkline's accessible title names the account: it is SVG text, escaped the same way.
        Assert.Contains("<title>Weekly active users of " + EncodedScript, html, StringComparison.Ordinal);
    }
}
