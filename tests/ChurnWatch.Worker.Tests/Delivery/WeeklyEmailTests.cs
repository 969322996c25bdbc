using System.Text.RegularExpressions;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Pages.Email;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.Reports;
using ChurnWatch.Worker.Tests.TestSupport;
using MimeKit;

namespace ChurnWatch.Worker.Tests.Delivery;

/// <summary>
/// The weekly email's summary body as mail clients get it: small, laid out with tables and inline styles, no SVG, no
/// style sheet, no script, nothing fetched, its charts PNG parts of the message; and as Chromium draws it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class WeeklyEmailTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The HTML of a summary part.</summary>
    internal static string Html(MimeEntity summary) =>
        Assert.IsType<TextPart>(Assert.IsType<MultipartRelated>(summary).Root).Text;

    /// <summary>A report of 60 accounts: enough that every list of the summary is cut to its length.</summary>
    internal static WeeklyRiskReport LargeReport()
    {
        var rows = Enumerable.Range(1, 60).Select(i =>
        {
            var churn = (i % 10) / 10.0 + 0.02;
            var band = churn >= 0.5 ? RiskBand.High : churn >= 0.2 ? RiskBand.Medium : RiskBand.Low;
            return ReportFixtures.Row($"A{i:000}", $"Account {i}", 1_000m * i, churn, band, change: ((i % 7) - 3) / 100.0, renewal: ReportFixtures.AsOf.AddDays(i * 3)) with
            {
                TopReasons = [$"Reason {i}", "Second reason"],
                Signals = i % 4 == 0 ? [new OpenSignal(SignalKind.Declining, i % 8 == 0 ? SignalSeverity.Critical : SignalSeverity.Warning, $"Usage down {i}%", IsNew: i % 3 != 0)] : [],
            };
        }).ToList();
        return ReportFixtures.Report(rows: rows);
    }

    [Fact]
    public void Create_Report_IsSmallHtmlWithInlineStylesAndEveryCidAnImagePart()
    {
        using var summary = WeeklySummaryPart.Create(LargeReport());

        var related = Assert.IsType<MultipartRelated>(summary);
        var html = Html(summary);
        // Gmail clips a body over about 102 KB; the summary must stay well under 100 KB.
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) < 100 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(html)} bytes");
        var cids = CidReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var images = related.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, cids.Count);
        Assert.Equal(cids.Order(StringComparer.Ordinal), images.Select(i => i.ContentId).Order(StringComparer.Ordinal));
        Assert.All(images, i => Assert.Equal(ContentEncoding.Base64, i.ContentTransferEncoding));
        // What Outlook's Word engine and Gmail drop or refuse: none of it is used.
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("var(--", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" class=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        // Every cell carries its own style.
        Assert.All(Regex.Matches(html, "<t[dh][ >][^>]*>").Select(m => m.Value), cell => Assert.Contains("style=", cell, StringComparison.Ordinal));
    }

    [Fact]
    public void From_Report_ListsAreCutAndCountedFromTheAccounts()
    {
        var report = LargeReport();

        var summary = WeeklySummary.From(report);

        Assert.Equal(AccountRiskRow.Rank(report.Accounts).Take(WeeklySummary.AccountsListed).Select(r => r.AccountId), summary.MostAtRisk.Select(a => a.AccountId));
        Assert.Equal(report.Accounts.Sum(r => r.Signals.Count(s => s.IsNew)), summary.NewSignalsTotal);
        Assert.Equal(Math.Min(WeeklySummary.ItemsListed, summary.NewSignalsTotal), summary.NewSignals.Count);
        Assert.Equal("critical", summary.NewSignals[0].Severity);
        // The renewals listed are the key figure's renewals: same window, same count.
        Assert.Equal(report.Kpis.RenewalsDue, summary.RenewalsTotal);
        Assert.True(summary.Renewals.Zip(summary.Renewals.Skip(1)).All(p => p.First.RenewalDate <= p.Second.RenewalDate));
        Assert.Equal(report.Accounts.Where(r => r.ChurnProbabilityChange > 0).Max(r => r.ChurnProbabilityChange), summary.Worse[0].Change);
        Assert.Equal(report.Accounts.Where(r => r.ChurnProbabilityChange < 0).Min(r => r.ChurnProbabilityChange), summary.Better[0].Change);
        Assert.Equal(WeeklySummary.MovesListed, summary.Worse.Count);
    }

    [Fact]
    public void Create_SameReportTwice_SameBytes()
    {
        string Bytes()
        {
            using var summary = WeeklySummaryPart.Create(LargeReport());
            using var stream = new MemoryStream();
            summary.WriteTo(stream);
            return Convert.ToBase64String(stream.ToArray());
        }

        // A re-run of the report step writes the same file.
        Assert.Equal(Bytes(), Bytes());
    }

    [BrowserFact]
    public async Task Open_SummaryWithItsImages_DrawsChartsAndTablesAndFetchesNothingElse()
    {
        var browser = await chromium.BrowserAsync();
        using var summary = WeeklySummaryPart.Create(LargeReport());
        var html = Html(summary);
        // A mail client shows cid: images from the message's parts; here each part becomes a file beside the page.
        foreach (var part in ((MultipartRelated)summary).OfType<MimePart>().Where(p => p.ContentType.MediaType == "image"))
        {
            var file = part.ContentId!.Split('@')[0] + ".png";
            using (var stream = File.Create(_folder.File(file)))
            {
                await part.Content!.DecodeToAsync(stream);
            }

            html = html.Replace("cid:" + part.ContentId, file, StringComparison.Ordinal);
        }

        var path = _folder.File("email.html");
        await File.WriteAllTextAsync(path, html);
        var screenshots = Environment.GetEnvironmentVariable("CHURNWATCH_TEST_SCREENSHOTS");

        var page = await browser.OpenAsync(path, screenshots is { Length: > 0 } ? Path.Combine(screenshots, "weekly-email.png") : null, 2200);

        Assert.Empty(page.ConsoleErrors);
        Assert.Equal(2, page.Images);
        Assert.Equal(2, page.ImagesDrawn);
        Assert.Equal(0, page.Svgs);
        Assert.Equal(0, page.Scripts);
        // Nothing fetched over the network (the resource timing of a file: page lists network loads; the two local
        // chart files are checked above as drawn images).
        Assert.Equal(0, page.ResourcesLoaded);
        Assert.Equal(page.Tables, page.TablesDrawn);
        Assert.Contains("Accounts with the most ARR at risk", page.Text, StringComparison.Ordinal);
        var top = AccountRiskRow.Rank(LargeReport().Accounts)[0];
        Assert.Contains(top.Name, page.Text, StringComparison.Ordinal);
        Assert.Contains(top.TopReasons[0], page.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"cid:([^\"]+)\"")]
    private static partial Regex CidReference();

    public void Dispose() => _folder.Dispose();
}
