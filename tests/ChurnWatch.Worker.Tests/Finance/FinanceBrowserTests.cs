using System.Text.RegularExpressions;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Finance;

/// <summary>The renewal forecast and SaaS metrics pages opened in headless Chromium, as finance would open them.</summary>
[Collection(BrowserTests.Name)]
public sealed class FinanceBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempFolder _folder = new();

    private async Task<(string Html, PageCheck Page)> OpenAsync(string name, string html)
    {
        var path = _folder.File(name);
        await File.WriteAllTextAsync(path, html);
        var browser = await chromium.BrowserAsync();
        return (html, await browser.OpenAsync(path));
    }

    private static void AssertRendered(string html, PageCheck page)
    {
        Assert.Empty(page.ConsoleErrors);
        Assert.Equal(Regex.Count(html, "<svg"), page.Svgs);
        Assert.True(page.Svgs > 0, "no chart");
        Assert.Equal(page.Svgs, page.SvgsDrawn);
        Assert.Equal(page.Svgs, page.SvgsTitled);
        Assert.Equal(Regex.Count(html, "<table"), page.Tables);
        Assert.True(page.Tables > 0, "no table");
        Assert.Equal(page.Tables, page.TablesDrawn);
        Assert.Equal(0, page.Scripts);
        Assert.Equal(0, page.ResourcesLoaded);
    }

    [BrowserFact]
    public async Task Open_RenewalForecastPage_ChartsAndTablesRenderAndHostileTextIsText()
    {
        var (html, page) = await OpenAsync("forecast.html", RenewalForecastHtml.Render(FinanceFixtures.Forecast()));

        AssertRendered(html, page);
        Assert.Contains("<script>alert(1)</script>", page.Text, StringComparison.Ordinal); // shown, not run
    }

    [BrowserFact]
    public async Task Open_SaasMetricsPage_ChartsAndTablesRender()
    {
        var (html, page) = await OpenAsync("metrics.html", SaasMetricsHtml.Render(FinanceFixtures.Metrics(), [], "EUR", FinanceFixtures.GeneratedAt));

        AssertRendered(html, page);
        Assert.Contains("Metrics:GraceDays", page.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
