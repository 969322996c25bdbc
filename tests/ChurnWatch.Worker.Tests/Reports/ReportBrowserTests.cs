using System.Text.RegularExpressions;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.Reports.Safety;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Tests.Reports;

/// <summary>
/// The HTML outputs as a reader sees them: real files opened in a real headless Chromium, checked through the DOM
/// the browser built (charts drawn, tables laid out, no console errors, nothing fetched, fits an A4 landscape sheet).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReportBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Set to a folder to keep PNG screenshots of the pages these tests open (docs/images was made this way).</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("CHURNWATCH_TEST_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    private static void AssertRendered(string file, PageCheck page)
    {
        var html = File.ReadAllText(file);
        var name = Path.GetFileName(file);

        Assert.True(page.ConsoleErrors.Count == 0, name + ": " + string.Join("\n", page.ConsoleErrors));
        Assert.Equal(Regex.Count(html, "<svg "), page.Svgs);
        Assert.True(page.Svgs > 0, name + " has no chart");
        Assert.Equal(page.Svgs, page.SvgsDrawn);
        Assert.Equal(page.Svgs, page.SvgsTitled);
        Assert.Equal(Regex.Count(html, "<table"), page.Tables);
        Assert.True(page.Tables > 0, name + " has no table");
        Assert.Equal(page.Tables, page.TablesDrawn);
        Assert.Equal(Regex.Count(html, "<tr><td"), page.BodyRows);
        Assert.Equal(0, page.Scripts);
        Assert.Equal(0, page.ResourcesLoaded);
        Assert.True(page.PrintOverflow == 0, $"{name} is {page.PrintOverflow} px wider than an A4 landscape page");
    }

    [BrowserFact]
    public async Task Open_PublishedReportsAndIndex_ChartsAndTablesRenderWithoutConsoleErrors()
    {
        var browser = await chromium.BrowserAsync();
        var files = WeeklyRiskReportPublisher.Publish(
            _folder.Path,
            ReportFixtures.AsOf,
            [HtmlEncodingTests.HostileReport(), ReportFixtures.Report("bob@example.com", staleBilling: true)]);

        foreach (var file in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = await browser.OpenAsync(file);

            AssertRendered(file, page);
        }
    }

    [BrowserFact]
    public async Task Open_ScriptAccountName_ShowsAsTextInEveryPage()
    {
        var browser = await chromium.BrowserAsync();
        var files = WeeklyRiskReportPublisher.Publish(_folder.Path, ReportFixtures.AsOf, [HtmlEncodingTests.HostileReport()]);

        foreach (var file in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = await browser.OpenAsync(file);

            Assert.Contains(HtmlEncodingTests.Script, page.Text, StringComparison.Ordinal);
            Assert.Equal(0, page.Scripts);
            Assert.Empty(page.ConsoleErrors);
        }
    }

    [BrowserFact]
    public async Task Open_PageWithAConsoleError_IsCaught()
    {
        // Proves the check can fail: a page that logs an error and throws must be reported, or the tests above prove nothing.
        var browser = await chromium.BrowserAsync();
        var file = _folder.File("broken.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><title>t</title><table><tbody><tr><td>x</td></tr></tbody></table><script>console.error('boom'); null.x;</script>");

        var page = await browser.OpenAsync(file);

        Assert.Contains(page.ConsoleErrors, e => e.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(page.ConsoleErrors, e => e.StartsWith("exception:", StringComparison.Ordinal));
        Assert.Equal(1, page.Scripts);
    }

    [BrowserFact]
    public async Task Open_DemoPipelineOutputs_EveryPageRenders()
    {
        var browser = await chromium.BrowserAsync();
        var output = Path.Combine(_folder.Path, "out");
        var builder = ChurnWatchHost.CreateBuilder(SmallCompany.Settings(_folder.Path, accounts: 240, months: 18, seed: 7));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)));
        using (var host = builder.Build())
        {
            await host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);
        }

        var pages = Directory.GetFiles(Path.Combine(output, "reports"), "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count > 1, "the demo wrote no manager pages");
        var firstManager = pages.First(p => Path.GetFileName(p) != ReportFileName.Index);
        foreach (var file in pages)
        {
            var index = Path.GetFileName(file) == ReportFileName.Index;
            var screenshot = ScreenshotFolder is null || !(index || file == firstManager) ? null : Path.Combine(ScreenshotFolder, index ? "demo-index.png" : "demo-report.png");

            var page = await browser.OpenAsync(file, screenshot);

            AssertRendered(file, page);
        }
    }

    public void Dispose() => _folder.Dispose();
}
